/**
 * The CloudFormation custom resource request, as CloudFormation sends it to the handler.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html
 */
export interface CloudFormationEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ServiceToken: string;
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly ResourceType: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: Record<string, unknown>;
  readonly OldResourceProperties?: Record<string, unknown>;
}

/**
 * The response the handler sends to CloudFormation's pre-signed URL.
 */
export interface CloudFormationResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason?: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly NoEcho?: boolean;
  readonly Data?: Record<string, string>;
}

/**
 * What a kind returns from a create or an update.
 */
export interface ResourceResult {
  /** The physical id: the same id on an in-place update, a new one when the resource was replaced. */
  readonly physicalResourceId: string;
  /** Attributes for `Fn::GetAtt` (strings only; kept small: the whole response must stay under 4 KB). */
  readonly data?: Record<string, string>;
}

/** The properties of a resource as the handler receives them (CloudFormation turns numbers and booleans into strings). */
export type Properties = Record<string, unknown>;
