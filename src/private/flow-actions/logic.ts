import { ActionSpec, FlowKind, allFlowKindsExcept, describeCondition, isDynamic, isKnownCondition } from './rules';

/** The result of a Loop while it runs again. */
export const LOOP_CONTINUE = 'ContinueLooping';

/** The result of a Loop once it has run its count. */
export const LOOP_DONE = 'DoneLooping';

/** The result of a Wait whose time ran out. */
export const WAIT_COMPLETED = 'WaitCompleted';

/** The events that may interrupt a Wait, with the branch method of each. */
const WAIT_EVENT_METHODS: Record<string, string> = {
  CustomerReturned: 'whenCustomerReturned()',
  BotParticipantDisconnected: 'whenBotParticipantDisconnected()',
};

/** The events that may interrupt a Wait. */
const WAIT_EVENTS = Object.keys(WAIT_EVENT_METHODS);

/** How long a Wait waits, as the flow designer writes it and as the flow language reference names it. */
const WAIT_TIME_PARAMETERS = ['TimeLimitSeconds', 'TimeoutSeconds'];

/** The longest a Wait may wait: seven days. */
const MAX_WAIT_SECONDS = 604800;

/** The longest Amazon Connect waits for a Lambda function, and the shortest. */
const MIN_LAMBDA_SECONDS = 1;
const MAX_LAMBDA_SECONDS = 8;

/** A static Lambda function ARN (unqualified, or with a version or alias). */
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;

/** Modules run inside inbound flows, so a block allowed in inbound flows is allowed in modules. */
const DISTRIBUTE_KINDS: FlowKind[] = ['CONTACT_FLOW', 'CUSTOMER_QUEUE', 'OUTBOUND_WHISPER', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'MODULE'];
const WAIT_KINDS: FlowKind[] = ['CONTACT_FLOW', 'CUSTOMER_QUEUE', 'MODULE'];

/** Compare: branches on conditions over one value of the flow (a JSONPath). */
const COMPARE: ActionSpec = {
  next: 'branches',
  errors: ['NoMatchingCondition'],
  // CreateContactFlow answers "Invalid Action error. Error: NoMatchingError" (reported by users of the API).
  rejectsNoMatchingError: true,
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
 * operands are 1 plus the running totals of the percentages (as the flow designer writes them: 3%, 6% and 8% are
 * "4", "10" and "18"); what no condition takes goes to NoMatchingCondition.
 */
const DISTRIBUTE_BY_PERCENTAGE: ActionSpec = {
  next: 'branches',
  errors: ['NoMatchingCondition'],
  conditions: true,
  flowKinds: DISTRIBUTE_KINDS,
  checkConditions: (conditions, p) => {
    // A random number from 1 to 100 is less than 1 + t for t of the 100 numbers.
    let previous = 1;
    conditions.forEach((condition, index) => {
      if (!isKnownCondition(condition)) {
        return;
      }
      const operands = Array.isArray(condition.Operands) ? condition.Operands : [];
      if (condition.Operator !== 'NumberLessThan' || operands.length !== 1) {
        p.fail(`takes only conditions NumberLessThan with one operand (1 plus the running total of the percentages), got ${describeCondition(condition)}`);
      }
      const operand = operands[0];
      const total = typeof operand === 'number' ? operand : (typeof operand === 'string' && /^\d+$/.test(operand.trim()) ? Number(operand) : NaN);
      if (!Number.isInteger(total)) {
        p.fail(`condition ${index + 1} must compare with a whole number (1 plus the running total of the percentages), got ${JSON.stringify(operand)}`);
      }
      if (total - previous < 1) {
        p.fail(`gives branch ${index + 1} ${total - previous} percent; every branch needs a whole percentage of at least 1 `
          + '(the operands are 1 plus the running totals of the percentages, so each must be larger than the one before)');
      }
      previous = total;
    });
    if (previous - 1 > 100) {
      p.fail(`distributes ${previous - 1} percent across its branches; the percentages must add up to 100 at most, the rest going to the NoMatchingCondition branch (otherwise())`);
    }
  },
};

/** Loop: counts how often it runs; ContinueLooping until the count is reached, then DoneLooping once. */
const LOOP: ActionSpec = {
  next: 'branches',
  errors: [],
  conditions: true,
  check: p => {
    p.required('LoopCount', 'the number of times to loop, from 0 to 100');
    p.integer('LoopCount', 0, 100, 'times');
  },
  checkConditions: (conditions, p) => p.equalsExactly(conditions, [[LOOP_CONTINUE, 'whenLooping()'], [LOOP_DONE, 'whenDone()']]),
};

/** Wait: pauses the flow until its time runs out (WaitCompleted) or one of its events happens. */
const WAIT: ActionSpec = {
  next: 'branches',
  errors: ['NoMatchingError', 'ParticipantNotFound'],
  conditions: true,
  flowKinds: WAIT_KINDS,
  check: p => {
    // The flow designer writes TimeLimitSeconds, the flow language reference TimeoutSeconds: one of them.
    p.exactlyOneOf(WAIT_TIME_PARAMETERS);
    for (const parameter of WAIT_TIME_PARAMETERS) {
      p.integer(parameter, 1, MAX_WAIT_SECONDS, 'seconds');
    }
    p.staticValue('Events');
    p.listOf('Events', WAIT_EVENTS);
  },
  checkConditions: (conditions, p) => {
    const events = p.value('Events');
    const waitedFor = Array.isArray(events) ? events.filter((event): event is string => WAIT_EVENTS.includes(event)) : [];
    p.equalsExactly(conditions, [[WAIT_COMPLETED, 'whenTimeExpired()'], ...waitedFor.map(event => [event, WAIT_EVENT_METHODS[event]] as const)],
      { note: ' (a condition on an event needs the event in parameter Events)' });
  },
};

/** InvokeLambdaFunction: calls a Lambda function and makes its response available under $.External. */
const INVOKE_LAMBDA_FUNCTION: ActionSpec = {
  next: 'required',
  errors: ['NoMatchingError'],
  flowKinds: allFlowKindsExcept('OUTBOUND_WHISPER', 'CAMPAIGN'),
  check: p => {
    p.required('LambdaFunctionARN', 'the ARN of the function to invoke');
    const arn = p.value('LambdaFunctionARN');
    if (!isDynamic(arn) && (typeof arn !== 'string' || !LAMBDA_ARN.test(arn))) {
      p.fail(`parameter LambdaFunctionARN must be the ARN of a Lambda function (arn:aws:lambda:<region>:<account>:function:<name>) or a JSONPath, got ${JSON.stringify(arn)}`);
    }
    p.staticValue('InvocationTimeLimitSeconds');
    p.integer('InvocationTimeLimitSeconds', MIN_LAMBDA_SECONDS, MAX_LAMBDA_SECONDS, 'seconds');
    p.oneOf('InvocationType', ['SYNCHRONOUS', 'ASYNCHRONOUS']);
    p.staticOneOf('ResponseValidation.ResponseType', ['STRING_MAP', 'JSON']);
    p.object('LambdaInvocationAttributes');
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
