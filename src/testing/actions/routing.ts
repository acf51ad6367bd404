/**
 * Simulation of the routing actions (src/flows/actions/routing.ts): queues, transfers, modules, hours and metrics.
 */
import { ActionHandler, SimulationError } from '../engine';
import { hoursOpen } from '../hours';
import { SimulationEndType } from '../result';

/** UpdateContactTargetQueue: sets the queue the contact is transferred to (`$.Queue`). */
const updateContactTargetQueue: ActionHandler = (contact, action) => {
  const queue = action.Parameters.QueueId ?? action.Parameters.AgentId;
  if (queue === undefined) {
    return { kind: 'error', errorType: 'NoMatchingError' };
  }
  contact.queue = contact.resolve(queue) || String(queue);
  return { kind: 'next' };
};

/**
 * TransferContactToQueue: ends the flow in the target queue; `QueueAtCapacity` when the environment says the queue is
 * at capacity; `NoMatchingError` without a target queue.
 */
const transferContactToQueue: ActionHandler = contact => {
  if (contact.queue === undefined) {
    return { kind: 'error', errorType: 'NoMatchingError' };
  }
  if (contact.queueState(contact.queue).atCapacity) {
    return { kind: 'error', errorType: 'QueueAtCapacity' };
  }
  return { kind: 'end', type: SimulationEndType.QUEUE, target: contact.center.nameOf(contact.queue) };
};

/** TransferContactToAgent: ends the flow with an agent. */
const transferContactToAgent: ActionHandler = () => ({ kind: 'end', type: SimulationEndType.AGENT });

/**
 * TransferToFlow: continues in the other flow when the contact center has it; otherwise the contact ends there (end
 * `FLOW`, naming it).
 */
const transferToFlow: ActionHandler = (contact, action) => {
  const reference = action.Parameters.ContactFlowId;
  const target = contact.resource(reference);
  const flow = target === undefined ? undefined : contact.center.flows.get(target.key);
  if (flow === undefined) {
    return { kind: 'end', type: SimulationEndType.FLOW, target: contact.center.nameOf(reference) };
  }
  return { kind: 'flow', flow };
};

/**
 * InvokeFlowModule: runs the module, and continues with the next action when it ends (`EndFlowModuleExecution`).
 * Chosen: an error without a branch inside the module ends the contact with an error (it does not take the invoking
 * action's error branch); a module the contact center does not have is an error of the simulation.
 */
const invokeFlowModule: ActionHandler = (contact, action) => {
  const reference = action.Parameters.FlowModuleId;
  const target = contact.resource(reference);
  const module = target === undefined ? undefined : contact.center.flows.get(target.key);
  if (module === undefined) {
    throw new SimulationError(`action '${action.Identifier}' (InvokeFlowModule) invokes the flow module '${contact.center.nameOf(reference)}', which is not part of the simulated contact center`);
  }
  return { kind: 'module', module };
};

/** EndFlowModuleExecution: returns to the flow that invoked the module. */
const endFlowModuleExecution: ActionHandler = () => ({ kind: 'return' });

/** EndFlowExecution: ends the flow (end `ENDED`). */
const endFlowExecution: ActionHandler = () => ({ kind: 'end', type: SimulationEndType.ENDED });

/**
 * CheckHoursOfOperation: `True` or `False` from the schedule of the hours (those it names, else those of the target
 * queue) at the simulated time, in the hours' time zone, overrides included. Hours that the contact center does not
 * have (imported by ARN) are an error of the simulation.
 */
const checkHoursOfOperation: ActionHandler = (contact, action) => {
  let reference = action.Parameters.HoursOfOperationId;
  if (reference === undefined && contact.queue !== undefined) {
    reference = contact.resource(contact.queue)?.properties.HoursOfOperationArn;
    if (reference === undefined) {
      throw new SimulationError(`action '${action.Identifier}' (CheckHoursOfOperation) checks the hours of the queue '${contact.center.nameOf(contact.queue)}', which the simulated contact center does not have`);
    }
  }
  if (reference === undefined) {
    return { kind: 'error', errorType: 'NoMatchingError' };
  }
  const hours = contact.resource(reference);
  if (hours === undefined) {
    throw new SimulationError(`action '${action.Identifier}' (CheckHoursOfOperation) checks the hours of operation '${contact.center.nameOf(reference)}', which the simulated contact center does not have`);
  }
  return { kind: 'value', value: hoursOpen(hours.properties, contact.now) ? 'True' : 'False' };
};

const METRICS: Record<string, (state: any) => number> = {
  NumberOfAgentsStaffed: state => state.agentsStaffed ?? 1,
  NumberOfAgentsAvailable: state => state.agentsAvailable ?? 1,
  NumberOfAgentsOnline: state => state.agentsOnline ?? 1,
  NumberOfContactsInQueue: state => state.contactsInQueue ?? 0,
  OldestContactInQueueAgeSeconds: state => state.oldestContactAgeSeconds ?? 0,
};

/**
 * CheckMetricData: the metric of the queue it names (else the target queue) from the environment's queue states,
 * compared with its conditions. Without a queue it is `NoMatchingError`.
 */
const checkMetricData: ActionHandler = (contact, action) => {
  const metric = METRICS[action.Parameters.MetricType];
  if (metric === undefined) {
    throw new SimulationError(`action '${action.Identifier}' (CheckMetricData) checks the metric '${action.Parameters.MetricType}', which cannot be simulated; metrics: ${Object.keys(METRICS).join(', ')}`);
  }
  const queue = action.Parameters.QueueId ?? contact.queue;
  if (queue === undefined) {
    return { kind: 'error', errorType: 'NoMatchingError' };
  }
  return { kind: 'value', value: String(metric(contact.queueState(queue))) };
};

/** CreateTask: the task is created; the contact continues. */
const createTask: ActionHandler = () => ({ kind: 'next' });

export const ROUTING_ACTIONS: ReadonlyArray<[string, ActionHandler]> = [
  ['UpdateContactTargetQueue', updateContactTargetQueue],
  ['TransferContactToQueue', transferContactToQueue],
  ['TransferContactToAgent', transferContactToAgent],
  ['TransferToFlow', transferToFlow],
  ['InvokeFlowModule', invokeFlowModule],
  ['EndFlowModuleExecution', endFlowModuleExecution],
  ['EndFlowExecution', endFlowExecution],
  ['CheckHoursOfOperation', checkHoursOfOperation],
  ['CheckMetricData', checkMetricData],
  ['CreateTask', createTask],
];
