import { CustomResource, Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ConnectProvider } from './provider';

/**
 * One permission a custom resource needs: actions on resources.
 */
export interface ConnectPermission {
  readonly actions: string[];
  readonly resources: string[];
}

/**
 * Options of a cdk-connect custom resource.
 */
export interface ConnectResourceOptions {
  /** The custom resource type, `Custom::Connect...` (the handler dispatches on it). */
  readonly resourceType: string;
  /** The properties the handler receives. */
  readonly properties: Record<string, unknown>;
  /** What the handler calls for this resource. */
  readonly permissions: ConnectPermission[];
}

/**
 * Defines a custom resource served by the stack's provider, grants the provider what it calls, and makes the
 * resource wait for that grant.
 */
export function connectResource(scope: Construct, id: string, options: ConnectResourceOptions): CustomResource {
  const provider = ConnectProvider.getOrCreate(scope);
  for (const permission of options.permissions) {
    provider.addPermissions(permission.actions, permission.resources);
  }
  const resource = new CustomResource(scope, id, {
    serviceToken: provider.serviceToken,
    resourceType: options.resourceType,
    properties: options.properties,
    // The handler answers before its 15-minute timeout; past this CloudFormation stops waiting.
    serviceTimeout: Duration.minutes(16),
  });
  resource.node.addDependency(provider.policy);
  return resource;
}
