/**
 * ARN patterns that more than one kind reads (property values, physical ids). One place, so that the kinds agree on
 * what they accept.
 */

/** The ARN of a flow (`arn:<partition>:connect:<region>:<account>:instance/<instance id>/contact-flow/<flow id>`). */
const FLOW_ARN = /^arn:aws[a-z0-9-]*:connect:[a-z0-9-]*:\d{12}:instance\/([-a-zA-Z0-9]+)\/contact-flow\/([-a-zA-Z0-9]+)$/;

/** The parts of a flow ARN. */
export interface FlowArn {
  readonly arn: string;
  readonly instanceId: string;
  readonly flowId: string;
}

/** The instance id and flow id in a flow ARN, or undefined when `arn` is not one. */
export function parseFlowArn(arn: string): FlowArn | undefined {
  const match = FLOW_ARN.exec(arn);
  return match ? { arn, instanceId: match[1], flowId: match[2] } : undefined;
}

const UUID = '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}';

/**
 * The ARN of a traffic distribution group (`arn:<partition>:connect:<region>:<account>:traffic-distribution-group/<uuid>`);
 * group 1 is its home Region. Its `source` without the final `$` is the start of a physical id built on the ARN.
 */
export const TRAFFIC_DISTRIBUTION_GROUP_ARN = new RegExp(
  `^arn:aws[-a-z]*:connect:([a-z]{2}(?:-[a-z]+){1,2}-[0-9]):[0-9]{1,20}:traffic-distribution-group/${UUID}$`);
