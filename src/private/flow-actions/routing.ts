import { Token } from 'aws-cdk-lib';
import { ActionSpec, allFlowKindsExcept, FlowKind, ParameterChecker } from './spec';

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

/** Fails when the action has parameters: its type takes none. */
function noParameters(p: ParameterChecker, hint = ''): void {
  const given = Object.keys(p.parameters);
  if (given.length > 0) {
    p.fail(`takes no parameters, got ${given.join(', ')}${hint}`);
  }
}

/**
 * Fails unless a parameter, when given and known at synth time, is a static ID or ARN or a single JSONPath: the flow
 * language takes either, not text with a JSONPath inside.
 */
function idOrPath(p: ParameterChecker, path: string, what: string): void {
  const value = p.value(path);
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  if (typeof value !== 'string' || value.length === 0) {
    p.fail(`parameter ${path} must be the ID or ARN of the ${what}, or a JSONPath such as $.Attributes.name, got ${JSON.stringify(value)}`);
  }
  if (!value.startsWith('$.') && value.includes('$.')) {
    p.fail(`parameter ${path} must be either a static ID or ARN of the ${what} or a single JSONPath, not text around a JSONPath, got ${JSON.stringify(value)}`);
  }
}

/** Fails when a parameter that must be static is a JSONPath. */
function staticOnly(p: ParameterChecker, path: string): void {
  const value = p.value(path);
  if (typeof value === 'string' && !Token.isUnresolved(value) && value.startsWith('$.')) {
    p.fail(`parameter ${path} must be static: a JSONPath is not supported here, got ${JSON.stringify(value)}`);
  }
}

/** The flow language rules of the routing actions (see src/flows/actions/routing.ts). */
export const ROUTING_SPECS: Record<string, ActionSpec> = {
  UpdateContactTargetQueue: {
    next: 'required',
    errors: ['NoMatchingError'],
    flowKinds: INBOUND_AND_TRANSFER,
    check: p => {
      p.exactlyOneOf(['QueueId', 'AgentId']);
      idOrPath(p, 'QueueId', 'queue');
      idOrPath(p, 'AgentId', 'agent');
    },
  },

  TransferContactToQueue: {
    next: 'ends',
    errors: ['QueueAtCapacity', 'NoMatchingError'],
    flowKinds: INBOUND_AND_TRANSFER,
    check: p => noParameters(p, ': it transfers to the working queue, set with UpdateContactTargetQueue'),
  },

  TransferContactToAgent: {
    next: 'none',
    errors: [],
    flowKinds: ['AGENT_TRANSFER', 'QUEUE_TRANSFER'],
    check: p => noParameters(p),
  },

  TransferToFlow: {
    next: 'ends',
    errors: ['NoMatchingError'],
    flowKinds: INBOUND_AND_TRANSFER,
    check: p => {
      p.required('ContactFlowId', 'the flow to transfer to');
      idOrPath(p, 'ContactFlowId', 'flow');
    },
  },

  InvokeFlowModule: {
    next: 'required',
    errors: ['NoMatchingError'],
    flowKinds: ['CONTACT_FLOW'],
    check: p => {
      p.required('FlowModuleId', 'the flow module to run');
      idOrPath(p, 'FlowModuleId', 'flow module');
    },
  },

  EndFlowModuleExecution: {
    next: 'none',
    errors: [],
    flowKinds: ['MODULE'],
    check: p => noParameters(p),
  },

  EndFlowExecution: {
    next: 'none',
    errors: [],
    flowKinds: allFlowKindsExcept('MODULE'),
    check: p => noParameters(p),
  },

  CheckHoursOfOperation: {
    next: 'branches',
    errors: ['NoMatchingError'],
    conditions: true,
    flowKinds: QUEUE_CHECKS,
    check: p => idOrPath(p, 'HoursOfOperationId', 'hours of operation'),
  },

  CheckMetricData: {
    next: 'branches',
    errors: ['NoMatchingError', 'NoMatchingCondition'],
    conditions: true,
    flowKinds: QUEUE_CHECKS,
    check: p => {
      p.required('MetricType', `one of ${METRIC_TYPES.join(', ')}`);
      staticOnly(p, 'MetricType');
      p.oneOf('MetricType', METRIC_TYPES);
      p.atMostOneOf(['QueueId', 'AgentId']);
      idOrPath(p, 'QueueId', 'queue');
      idOrPath(p, 'AgentId', 'agent');
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
      idOrPath(p, 'ContactFlowId', 'flow');
      staticOnly(p, 'TaskTemplateId');
      p.atMostOneOf(['DelaySeconds', 'ScheduledTime']);
      p.integer('DelaySeconds', 1, MAX_TASK_DELAY_SECONDS, 'seconds');
    },
  },
};
