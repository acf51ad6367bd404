import { Token } from 'aws-cdk-lib';
import { ActionSpec, FlowKind, ParameterChecker, allFlowKindsExcept, isDynamic } from './spec';

/** A condition of an action in a flow document (`Transitions.Conditions[].Condition`), as the checks read it. */
export interface DocumentCondition {
  readonly Operator?: unknown;
  readonly Operands?: unknown;
}

/**
 * The rules of an action type whose conditions follow rules of their own (which operators, which operands).
 *
 * `checkConditions` receives the action's conditions and a checker of its parameters (for rules that relate the
 * two, and for `fail`, which names the action). The typed actions apply it when they render; for flow documents
 * it applies once `ActionSpec` carries `checkConditions` and `checkFlowActions` calls it.
 */
export interface ConditionalActionSpec extends ActionSpec {
  /** Checks the action's conditions; called only when it has conditions that are known at synth time. */
  readonly checkConditions?: (conditions: readonly DocumentCondition[], p: ParameterChecker) => void;
}

/** The result of a Loop while it runs again. */
export const LOOP_CONTINUE = 'ContinueLooping';

/** The result of a Loop once it has run its count. */
export const LOOP_DONE = 'DoneLooping';

/** The result of a Wait whose time ran out. */
export const WAIT_COMPLETED = 'WaitCompleted';

/** The events that may interrupt a Wait. */
export const WAIT_EVENTS = ['CustomerReturned', 'BotParticipantDisconnected'];

/** The longest a Wait may wait: seven days. */
export const MAX_WAIT_SECONDS = 604800;

/** The longest Amazon Connect waits for a Lambda function, and the shortest. */
export const MIN_LAMBDA_SECONDS = 1;
export const MAX_LAMBDA_SECONDS = 8;

/** A static Lambda function ARN (unqualified, or with a version or alias). */
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;

/** Modules run inside inbound flows, so a block allowed in inbound flows is allowed in modules. */
const DISTRIBUTE_KINDS: FlowKind[] = ['CONTACT_FLOW', 'CUSTOMER_QUEUE', 'OUTBOUND_WHISPER', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'MODULE'];
const WAIT_KINDS: FlowKind[] = ['CONTACT_FLOW', 'CUSTOMER_QUEUE', 'MODULE'];

/** The operator and single operand of a condition known at synth time; undefined for conditions with tokens. */
function equalsOperand(condition: DocumentCondition, p: ParameterChecker, hint: string): string | undefined {
  if (Token.isUnresolved(condition) || Token.isUnresolved(condition.Operator) || Token.isUnresolved(condition.Operands)) {
    return undefined;
  }
  const operands = Array.isArray(condition.Operands) ? condition.Operands : [];
  if (condition.Operator !== 'Equals' || operands.length !== 1) {
    p.fail(`takes only conditions Equals with one operand (${hint}), got ${describeCondition(condition)}`);
  }
  return Token.isUnresolved(operands[0]) ? undefined : String(operands[0]);
}

function describeCondition(condition: DocumentCondition): string {
  const operands = Array.isArray(condition.Operands) ? condition.Operands.map(operand => JSON.stringify(operand)).join(', ') : JSON.stringify(condition.Operands);
  return `${String(condition.Operator)} ${operands}`;
}

/** Compare: branches on conditions over one value of the flow (a JSONPath). */
const COMPARE: ConditionalActionSpec = {
  next: 'branches',
  errors: ['NoMatchingCondition'],
  conditions: true,
  check: p => {
    p.required('ComparisonValue', 'the value to compare, a JSONPath such as $.Attributes.tier');
    const value = p.value('ComparisonValue');
    if (!isDynamic(value)) {
      p.fail(`parameter ComparisonValue must be one JSONPath such as $.Attributes.tier, got ${JSON.stringify(value)}`);
    }
  },
};

/**
 * DistributeByPercentage: a random number from 1 to 100, compared with a chain of NumberLessThan conditions whose
 * operands are running totals of the percentages; what no condition takes goes to NoMatchingCondition.
 */
const DISTRIBUTE_BY_PERCENTAGE: ConditionalActionSpec = {
  next: 'branches',
  errors: ['NoMatchingCondition'],
  conditions: true,
  flowKinds: DISTRIBUTE_KINDS,
  checkConditions: (conditions, p) => {
    let previous = 0;
    conditions.forEach((condition, index) => {
      if (Token.isUnresolved(condition) || Token.isUnresolved(condition.Operator) || Token.isUnresolved(condition.Operands)) {
        return;
      }
      const operands = Array.isArray(condition.Operands) ? condition.Operands : [];
      if (condition.Operator !== 'NumberLessThan' || operands.length !== 1) {
        p.fail(`takes only conditions NumberLessThan with one operand (the running total of the percentages), got ${describeCondition(condition)}`);
      }
      const operand = operands[0];
      const total = typeof operand === 'number' ? operand : (typeof operand === 'string' && /^\d+$/.test(operand.trim()) ? Number(operand) : NaN);
      if (!Number.isInteger(total)) {
        p.fail(`condition ${index + 1} must compare with a whole number (the running total of the percentages), got ${JSON.stringify(operand)}`);
      }
      if (total - previous < 1) {
        p.fail(`gives branch ${index + 1} ${total - previous} percent; every branch needs a whole percentage of at least 1 `
          + '(the operands are running totals of the percentages, so each must be larger than the one before)');
      }
      previous = total;
    });
    if (previous > 100) {
      p.fail(`distributes ${previous} percent across its branches; the percentages must add up to 100 at most, the rest going to the NoMatchingCondition branch (otherwise())`);
    }
  },
};

/** Loop: counts how often it runs; ContinueLooping until the count is reached, then DoneLooping once. */
const LOOP: ConditionalActionSpec = {
  next: 'branches',
  errors: [],
  conditions: true,
  check: p => {
    p.required('LoopCount', 'the number of times to loop, from 0 to 100');
    p.integer('LoopCount', 0, 100, 'times');
  },
  checkConditions: (conditions, p) => {
    const hint = `${LOOP_CONTINUE} or ${LOOP_DONE}`;
    const operands = conditions.map(condition => equalsOperand(condition, p, hint));
    for (const operand of operands) {
      if (operand !== undefined && operand !== LOOP_CONTINUE && operand !== LOOP_DONE) {
        p.fail(`takes only the conditions Equals ${LOOP_CONTINUE} and Equals ${LOOP_DONE}, got Equals ${JSON.stringify(operand)}`);
      }
    }
    if (operands.some(operand => operand === undefined)) {
      return;
    }
    for (const [result, method] of [[LOOP_CONTINUE, 'whenLooping()'], [LOOP_DONE, 'whenDone()']]) {
      if (!operands.includes(result)) {
        p.fail(`needs a condition Equals ${result} (${method}): a loop needs both its looping and its done branch`);
      }
    }
  },
};

/** Wait: pauses the flow until its time runs out (WaitCompleted) or one of its events happens. */
const WAIT: ConditionalActionSpec = {
  next: 'branches',
  errors: ['NoMatchingError', 'ParticipantNotFound'],
  conditions: true,
  flowKinds: WAIT_KINDS,
  check: p => {
    p.required('TimeoutSeconds', `how long to wait, 1 to ${MAX_WAIT_SECONDS} seconds (seven days), or a JSONPath`);
    p.integer('TimeoutSeconds', 1, MAX_WAIT_SECONDS, 'seconds');
    const events = p.value('Events');
    if (events === undefined) {
      return;
    }
    if (!Array.isArray(events) || Token.isUnresolved(events)) {
      p.fail(`parameter Events must be a list of events given in the flow (${WAIT_EVENTS.join(', ')}), got ${JSON.stringify(events)}`);
    }
    for (const event of events as unknown[]) {
      if (typeof event !== 'string' || !WAIT_EVENTS.includes(event)) {
        p.fail(`parameter Events may list only ${WAIT_EVENTS.join(', ')}, got ${JSON.stringify(event)}`);
      }
    }
  },
  checkConditions: (conditions, p) => {
    const events = Array.isArray(p.value('Events')) ? p.value('Events') as string[] : [];
    const allowed = [WAIT_COMPLETED, ...events];
    const operands = conditions.map(condition => equalsOperand(condition, p, allowed.join(' or ')));
    for (const operand of operands) {
      if (operand !== undefined && !allowed.includes(operand)) {
        p.fail(`has a condition Equals ${JSON.stringify(operand)}, but its results are ${allowed.join(', ')} (a condition on an event needs the event in parameter Events)`);
      }
    }
    if (operands.some(operand => operand === undefined)) {
      return;
    }
    for (const result of allowed) {
      if (!operands.includes(result)) {
        p.fail(`needs a condition Equals ${result}: ${result === WAIT_COMPLETED ? 'the branch taken when the time runs out (whenTimeExpired())' : 'every event it waits for needs its branch'}`);
      }
    }
  },
};

/** InvokeLambdaFunction: calls a Lambda function and makes its response available under $.External. */
const INVOKE_LAMBDA_FUNCTION: ConditionalActionSpec = {
  next: 'required',
  errors: ['NoMatchingError'],
  flowKinds: allFlowKindsExcept('OUTBOUND_WHISPER', 'CAMPAIGN'),
  check: p => {
    p.required('LambdaFunctionARN', 'the ARN of the function to invoke');
    const arn = p.value('LambdaFunctionARN');
    if (!isDynamic(arn) && (typeof arn !== 'string' || !LAMBDA_ARN.test(arn))) {
      p.fail(`parameter LambdaFunctionARN must be the ARN of a Lambda function (arn:aws:lambda:<region>:<account>:function:<name>) or a JSONPath, got ${JSON.stringify(arn)}`);
    }
    const limit = p.value('InvocationTimeLimitSeconds');
    if (typeof limit === 'string' && limit.startsWith('$.')) {
      p.fail(`parameter InvocationTimeLimitSeconds must be set statically, ${MIN_LAMBDA_SECONDS} to ${MAX_LAMBDA_SECONDS} seconds, got the JSONPath ${limit}`);
    }
    p.integer('InvocationTimeLimitSeconds', MIN_LAMBDA_SECONDS, MAX_LAMBDA_SECONDS, 'seconds');
    p.oneOf('InvocationType', ['SYNCHRONOUS', 'ASYNCHRONOUS']);
    const responseType = p.value('ResponseValidation.ResponseType');
    if (typeof responseType === 'string' && responseType.startsWith('$.')) {
      p.fail(`parameter ResponseValidation.ResponseType must be set statically, STRING_MAP or JSON, got the JSONPath ${responseType}`);
    }
    p.oneOf('ResponseValidation.ResponseType', ['STRING_MAP', 'JSON']);
    const attributes = p.value('LambdaInvocationAttributes');
    if (attributes !== undefined && !Token.isUnresolved(attributes) && (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes))) {
      p.fail(`parameter LambdaInvocationAttributes must be an object of names and values, got ${JSON.stringify(attributes)}`);
    }
  },
};

/** The flow language rules of the logic actions (see src/flows/actions/logic.ts). */
export const LOGIC_SPECS: Record<string, ActionSpec> = {
  Compare: COMPARE,
  DistributeByPercentage: DISTRIBUTE_BY_PERCENTAGE,
  Loop: LOOP,
  Wait: WAIT,
  InvokeLambdaFunction: INVOKE_LAMBDA_FUNCTION,
};

/** The condition rules of the logic actions, by flow language type (the typed actions apply them when they render). */
export const LOGIC_CONDITION_CHECKS: ReadonlyMap<string, NonNullable<ConditionalActionSpec['checkConditions']>> = new Map(
  Object.entries({ DistributeByPercentage: DISTRIBUTE_BY_PERCENTAGE, Loop: LOOP, Wait: WAIT } as Record<string, ConditionalActionSpec>)
    .map(([type, spec]) => [type, spec.checkConditions!]),
);
