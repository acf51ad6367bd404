import { flowOf, referencedKey, SimFlow, SimResource, textOf } from './model';

/** The resource types the simulator reads. */
const FLOW_TYPES = new Set(['AWS::Connect::ContactFlow', 'Custom::ConnectContactFlow']);
const MODULE_TYPES = new Set(['AWS::Connect::ContactFlowModule']);

/** A template's resources as the simulator reads them: resolved CloudFormation, by logical id. */
export interface TemplateResources {
  /** The stack's name (the key prefix of its resources). */
  readonly stack: string;
  readonly resources: Record<string, { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, any> }>;
}

/**
 * The resources of one or more templates and the flows among them, with lookups by the names a test uses. Not part
 * of the public API.
 */
export class CenterModel {
  public readonly resources = new Map<string, SimResource>();
  public readonly flows = new Map<string, SimFlow>();

  constructor(templates: readonly TemplateResources[]) {
    const contents = new Map<string, string>();
    for (const template of templates) {
      for (const [logicalId, resource] of Object.entries(template.resources)) {
        const key = `${template.stack}/${logicalId}`;
        const path = resource.Metadata?.['aws:cdk:path'];
        this.resources.set(key, { key, logicalId, type: resource.Type, properties: resource.Properties ?? {}, path: typeof path === 'string' ? path : undefined });
      }
      // Deferred flow content: a content resource sets the flow's real content.
      for (const resource of Object.values(template.resources)) {
        if (resource.Type === 'Custom::ConnectFlowContent') {
          const flowKey = referencedKey(textOf(resource.Properties?.ContactFlowId, template.stack));
          const content = textOf(resource.Properties?.Content, template.stack);
          if (flowKey !== undefined && content !== undefined) {
            contents.set(flowKey, content);
          }
        }
      }
    }
    for (const resource of this.resources.values()) {
      const isFlow = FLOW_TYPES.has(resource.type);
      if (!isFlow && !MODULE_TYPES.has(resource.type)) {
        continue;
      }
      const stack = resource.key.slice(0, resource.key.length - resource.logicalId.length - 1);
      const text = contents.get(resource.key) ?? textOf(resource.properties.Content, stack);
      if (text === undefined || text.includes('@@expr@@') && !text.trim().startsWith('{')) {
        continue;
      }
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch {
        continue;
      }
      const name = typeof resource.properties.Name === 'string' ? resource.properties.Name : resource.logicalId;
      this.flows.set(resource.key, flowOf(document, {
        key: resource.key,
        name,
        path: pathOf(resource),
        module: !isFlow,
        flowType: isFlow ? resource.properties.Type : undefined,
      }));
    }
  }

  /** Adds a flow given as a document (not a resource of the templates). */
  public addFlow(flow: SimFlow): void {
    this.flows.set(flow.key, flow);
  }

  /** The resource a value of a flow document references (a marker), if any. */
  public referenced(value: unknown): SimResource | undefined {
    const key = referencedKey(value);
    return key === undefined ? undefined : this.resources.get(key);
  }

  /** Finds a resource of some types by a name a test gives: its Name, construct path or id, logical id or key. */
  public find(name: string, types: readonly string[]): SimResource | undefined {
    const candidates = [...this.resources.values()].filter(resource => types.includes(resource.type));
    return candidates.find(resource => namesOf(resource).includes(name));
  }

  /** Finds a flow or module by its name, construct path or id, or key. */
  public findFlow(name: string): SimFlow | undefined {
    const flows = [...this.flows.values()];
    return flows.find(flow => flow.key === name || flow.name === name)
      ?? flows.find(flow => { const resource = this.resources.get(flow.key); return resource !== undefined && namesOf(resource).includes(name); });
  }

  /** Whether a resource (or a literal value of a flow document) is the one a test names. */
  public matches(value: unknown, name: string): boolean {
    const resource = this.referenced(value);
    if (resource !== undefined) {
      return namesOf(resource).includes(name);
    }
    return typeof value === 'string' && (value === name || value.endsWith(`/${name}`) || value.endsWith(`:${name}`));
  }

  /** A name for what a value of a flow document references, for results and messages. */
  public nameOf(value: unknown): string {
    const resource = this.referenced(value);
    if (resource === undefined) {
      return typeof value === 'string' ? value : JSON.stringify(value);
    }
    const name = resource.properties.Name ?? resource.properties.FunctionName;
    return typeof name === 'string' && referencedKey(name) === undefined ? name : pathOf(resource) ?? resource.logicalId;
  }
}

/** The construct path of a resource without its trailing `/Resource`. */
function pathOf(resource: SimResource): string | undefined {
  return resource.path?.replace(/\/Resource$/, '');
}

/** The names a test may give a resource by. */
function namesOf(resource: SimResource): string[] {
  // A logical id without the hash CDK appends (`LookupA1B2C3D4` is `Lookup`), for templates without path metadata.
  const names = [resource.key, resource.logicalId, resource.logicalId.replace(/[0-9A-F]{8}$/, '')];
  for (const property of ['Name', 'FunctionName']) {
    if (typeof resource.properties[property] === 'string') {
      names.push(resource.properties[property]);
    }
  }
  const path = pathOf(resource);
  if (path !== undefined) {
    names.push(path, path.split('/').slice(1).join('/'), path.split('/').pop()!);
  }
  return names;
}
