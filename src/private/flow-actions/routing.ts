import { ActionSpec, allFlowKindsExcept, describeCondition, FlowKind, isKnownCondition } from './rules';

/** Inbound flows and the two transfer flows: where most routing actions may be used. */
const INBOUND_AND_TRANSFER: readonly FlowKind[] = ['CONTACT_FLOW', 'AGENT_TRANSFER', 'QUEUE_TRANSFER'];

/** Inbound, transfer and customer queue flows: where the queue checks may be used (not whisper or hold flows). */
const QUEUE_CHECKS: readonly FlowKind[] = [...INBOUND_AND_TRANSFER, 'CUSTOMER_QUEUE'];

/** The metrics of `CheckMetricData`. */
const METRIC_TYPES = [
  'NumberOfAgentsAvailable', 'NumberOfAgentsStaffed', 'NumberOfAgentsOnline', 'OldestContactInQueueAgeSeconds', 'NumberOfContactsInQueue',
];

/** The longest delay of `CreateTask`: 6 days. */
const MAX_TASK_DELAY_SECONDS = 518_400;

/** The agent metrics of `CheckMetricData`, which take only the condition `NumberGreaterThan 0` (at least one agent). */
const AGENT_METRICS = ['NumberOfAgentsAvailable', 'NumberOfAgentsStaffed', 'NumberOfAgentsOnline'];

/** The operators the contact metrics of `CheckMetricData` can be compared with. */
const METRIC_OPERATORS = ['Equals', 'NumberGreaterThan', 'NumberGreaterOrEqualTo', 'NumberLessThan', 'NumberLessOrEqualTo'];

/** The flow language rules of the routing actions (see src/flows/actions/routing.ts). */
export const ROUTING_SPECS: Record<string, ActionSpec> = {
  UpdateContactTargetQueue: {
    next: 'required',
    errors: ['NoMatchingError'],
    flowKinds: INBOUND_AND_TRANSFER,
    check: p => {
      p.exactlyOneOf(['QueueId', 'AgentId']);
      p.idOrPath('QueueId', 'queue');
      p.idOrPath('AgentId', 'agent');
    },
  },

  TransferContactToQueue: {
    next: 'ends',
    errors: ['QueueAtCapacity', 'NoMatchingError'],
    // CreateContactFlow answers "Action is missing required error. Error: QueueAtCapacity" without it.
    requiredErrors: ['QueueAtCapacity'],
    flowKinds: INBOUND_AND_TRANSFER,
    check: p => p.noParameters(': it transfers to the working queue, set with UpdateContactTargetQueue'),
  },

  TransferContactToAgent: {
    // The reference page lists no errors, but the designer's block has an Error branch (taken for chats, tasks and
    // emails, which it cannot transfer) and writes it as NoMatchingError.
    next: 'ends',
    errors: ['NoMatchingError'],
    flowKinds: ['AGENT_TRANSFER', 'QUEUE_TRANSFER'],
    check: p => p.noParameters(),
  },

  TransferToFlow: {
    next: 'ends',
    errors: ['NoMatchingError'],
    flowKinds: INBOUND_AND_TRANSFER,
    check: p => {
      p.required('ContactFlowId', 'the flow to transfer to');
      p.idOrPath('ContactFlowId', 'flow');
    },
  },

  InvokeFlowModule: {
    next: 'required',
    errors: ['NoMatchingError'],
    flowKinds: ['CONTACT_FLOW'],
    check: p => {
      p.required('FlowModuleId', 'the flow module to run');
      p.idOrPath('FlowModuleId', 'flow module');
    },
  },

  EndFlowModuleExecution: {
    next: 'none',
    errors: [],
    flowKinds: ['MODULE'],
    check: p => p.noParameters(),
  },

  EndFlowExecution: {
    next: 'none',
    errors: [],
    flowKinds: allFlowKindsExcept('MODULE'),
    check: p => p.noParameters(),
  },

  CheckHoursOfOperation: {
    next: 'branches',
    errors: ['NoMatchingError'],
    conditions: true,
    flowKinds: QUEUE_CHECKS,
    check: p => p.idOrPath('HoursOfOperationId', 'hours of operation'),
    // CreateContactFlow answers "Action is missing required error. Error: NoMatchingError" without it.
    requiredErrors: ['NoMatchingError'],
    // The result is True or False; the reference requires a condition for each and no other, and CreateContactFlow
    // rejects the action without both.
    checkConditions: (conditions, p) => p.equalsExactly(conditions, [['True', 'whenInHours()'], ['False', 'whenOutOfHours()']], { rejected: true }),
  },

  CheckMetricData: {
    next: 'branches',
    errors: ['NoMatchingError', 'NoMatchingCondition'],
    // CreateContactFlow answers "Action is missing required error. Error: NoMatchingCondition" without it, whatever the
    // metric.
    requiredErrors: ['NoMatchingCondition'],
    conditions: true,
    flowKinds: QUEUE_CHECKS,
    check: p => {
      p.required('MetricType', `one of ${METRIC_TYPES.join(', ')}`);
      p.staticValue('MetricType');
      p.oneOf('MetricType', METRIC_TYPES);
      p.atMostOneOf(['QueueId', 'AgentId']);
      p.idOrPath('QueueId', 'queue');
      p.idOrPath('AgentId', 'agent');
    },
    // The agent metrics count agents: the only condition is "at least one". The others compare a number.
    checkConditions: (conditions, p) => {
      const metric = p.value('MetricType');
      if (typeof metric !== 'string' || !METRIC_TYPES.includes(metric)) {
        return;
      }
      for (const condition of conditions.filter(isKnownCondition)) {
        const { Operator: operator, Operands: operands } = condition;
        if (AGENT_METRICS.includes(metric)) {
          if (operator !== 'NumberGreaterThan' || !Array.isArray(operands) || operands.length !== 1 || String(operands[0]) !== '0') {
            p.fail(`compares the agent metric ${metric} only with NumberGreaterThan 0 (use whenAgents()), got ${describeCondition(condition)}`);
          }
        } else if (typeof operator === 'string' && !METRIC_OPERATORS.includes(operator)) {
          p.fail(`compares ${metric} with ${operator}; the allowed operators are ${METRIC_OPERATORS.join(', ')}`);
        }
      }
    },
  },

  CreateTask: {
    next: 'required',
    errors: ['NoMatchingError'],
    check: p => {
      p.required('Name', 'the name of the task');
      p.text('Name', 1024);
      p.text('Description', 4096);
      if (!p.has('ContactFlowId') && !p.has('TaskTemplateId')) {
        p.fail('needs the parameter ContactFlowId (the flow that starts the task), or a TaskTemplateId whose template names the flow');
      }
      p.idOrPath('ContactFlowId', 'flow');
      p.staticValue('TaskTemplateId');
      p.atMostOneOf(['DelaySeconds', 'ScheduledTime']);
      p.integer('DelaySeconds', 1, MAX_TASK_DELAY_SECONDS, 'seconds');
    },
  },
};
