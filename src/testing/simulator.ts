import * as fs from 'fs';
import * as path from 'path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACTION_HANDLERS } from './actions';
import { CenterModel, TemplateResources } from './center-model';
import { SILENCE, simulate, SimulationError, TakenBranch } from './engine';
import { SimulationEnvironment } from './environment';
import { flowOf, SimFlow } from './model';
import { SimulationResult } from './result';
import { ContactFlow, ContactFlowType } from '../constructs/contact-flow';
import { ContactFlowModule } from '../constructs/contact-flow-module';
import { Instance } from '../constructs/instance';
import { FlowDefinition } from '../flows/definition';
import { renderMermaid } from '../private/flow-diagram';

/** The instance ARN of the app a lone flow definition is rendered in. */
const SIMULATION_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111111111111:instance/00000000-0000-4000-8000-000000000000';

/** The resources of a stack as resolved CloudFormation, straight from its constructs (no synthesis). */
function stackResources(stack: Stack): TemplateResources {
  const resources: TemplateResources['resources'] = {};
  for (const construct of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(construct) || Stack.of(construct) !== stack) {
      continue;
    }
    // _toCloudFormation() is how a stack renders its template: the resource with tokens, resolved here.
    const rendered = stack.resolve((construct as any)._toCloudFormation()) as { Resources: TemplateResources['resources'] };
    for (const [logicalId, resource] of Object.entries(rendered.Resources ?? {})) {
      resources[logicalId] = { ...resource, Metadata: { ...resource.Metadata, 'aws:cdk:path': construct.node.path } };
    }
  }
  return { stack: stack.artifactId, resources };
}

/** The key of a construct's CloudFormation resource in the simulator's model. */
function keyOf(resource: CfnResource): string {
  const stack = Stack.of(resource);
  return `${stack.artifactId}/${stack.getLogicalId(resource)}`;
}

/**
 * A contact center as the flow simulator sees it: the flows, flow modules, hours of operation, queues and Lambda
 * functions of a CDK app (or of a synthesized cloud assembly), so that a flow's references to the others resolve to
 * their definitions: a transfer to another flow continues in it, a module runs, hours are checked on their real
 * schedules.
 *
 * ```ts
 * declare const app: App;
 * const center = SimulatedContactCenter.fromApp(app);
 * const result = center.flow('Chat').run({ customerInputs: ['hello'] });
 * ```
 */
export class SimulatedContactCenter {
  /**
   * The contact center of the app (or stage) that a construct belongs to, read from its constructs without
   * synthesizing: every stack of the app.
   */
  public static fromApp(scope: IConstruct): SimulatedContactCenter {
    const stacks = scope.node.root.node.findAll().filter(Stack.isStack);
    return new SimulatedContactCenter(new CenterModel(stacks.map(stackResources)));
  }

  /**
   * The contact center of a synthesized cloud assembly (a `cdk.out` directory): every stack template in it.
   *
   * @param directory the cloud assembly directory
   */
  public static fromAssemblyDirectory(directory: string): SimulatedContactCenter {
    let files: string[];
    try {
      files = fs.readdirSync(directory).filter(file => file.endsWith('.template.json'));
    } catch (e) {
      throw new SimulationError(`cannot read the cloud assembly directory '${directory}': ${(e as Error).message}`);
    }
    if (files.length === 0) {
      throw new SimulationError(`the cloud assembly directory '${directory}' has no stack templates (*.template.json); synthesize the app first (cdk synth)`);
    }
    const templates = files.map(file => ({
      stack: file.replace(/\.template\.json$/, ''),
      resources: JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')).Resources ?? {},
    }));
    return new SimulatedContactCenter(new CenterModel(templates));
  }

  /** @internal */
  public readonly _model: CenterModel;

  private constructor(model: CenterModel) {
    this._model = model;
  }

  /** The names of the flows and flow modules. */
  public get flowNames(): string[] {
    return [...this._model.flows.values()].map(flow => flow.name);
  }

  /**
   * A simulator of one of the flows (or flow modules).
   *
   * @param name the flow's name (as created in Amazon Connect), its construct path or id, or its logical id
   */
  public flow(name: string): FlowSimulator {
    const flow = this._model.findFlow(name);
    if (flow === undefined) {
      throw new SimulationError(`the contact center has no flow '${name}'; flows: ${this.flowNames.map(n => `'${n}'`).join(', ') || 'none'}`);
    }
    return FlowSimulator._of(this._model, flow);
  }
}

/** Options of simulating a lone flow definition. */
export interface FlowSimulatorOptions {
  /**
   * The type of the flow the definition is rendered as (and checked for).
   *
   * @default ContactFlowType.CONTACT_FLOW
   */
  readonly flowType?: ContactFlowType;
}

/**
 * Runs flow language for one simulated contact: follows the flow's actions, conditions, error branches and loops as
 * Amazon Connect does, in an environment the test gives (customer inputs, the time, queue states, Lambda results, Lex
 * intents, authentication outcomes, a seed), and returns the path, the contact's data, where it ended and the
 * transcript.
 *
 * The simulator reads the flow as the flow's construct renders it, so a flow that synthesizes can be simulated. An
 * action it cannot simulate, or an answer the environment does not give (a Lambda function's result), fails naming
 * the action; a contact that runs more than `maxSteps` actions fails as a runaway loop.
 *
 * ```ts
 * declare const definition: FlowDefinition;
 * const result = FlowSimulator.fromDefinition(definition).run({ customerInputs: ['1'] });
 * ```
 */
export class FlowSimulator {
  /**
   * A simulator of a flow definition on its own: rendered as a flow of a private app. References to other flows and
   * modules end the contact there (end `FLOW`) or fail (modules); simulate a `ContactFlow` of your app
   * (`fromContactFlow()`) to follow them.
   */
  public static fromDefinition(definition: FlowDefinition, options: FlowSimulatorOptions = {}): FlowSimulator {
    const app = new App();
    const stack = new Stack(app, 'Simulation');
    const instance = Instance.fromInstanceArn(stack, 'Instance', SIMULATION_INSTANCE_ARN);
    const flow = new ContactFlow(stack, 'Flow', {
      instance,
      contactFlowName: 'Simulated flow',
      type: options.flowType ?? ContactFlowType.CONTACT_FLOW,
      content: definition,
    });
    return FlowSimulator.fromContactFlow(flow);
  }

  /**
   * A simulator of a flow language document (such as a flow exported from the Amazon Connect console), as it is: ARNs
   * stay ARNs, so resources are named by ARN in the environment.
   *
   * @param json the document
   * @param name the flow's name in results
   */
  public static fromJsonString(json: string, name: string = 'flow'): FlowSimulator {
    let document: unknown;
    try {
      document = JSON.parse(json);
    } catch (e) {
      throw new SimulationError(`the flow '${name}' is not valid JSON: ${(e as Error).message}`);
    }
    const model = new CenterModel([]);
    const flow = flowOf(document, { key: name, name, module: false });
    model.addFlow(flow);
    return new FlowSimulator(model, flow);
  }

  /** A simulator of a flow of an app: references to the app's flows, modules, hours and queues resolve. */
  public static fromContactFlow(flow: ContactFlow): FlowSimulator {
    const center = SimulatedContactCenter.fromApp(flow);
    return FlowSimulator.ofKey(center._model, keyOf(flow._flowResource));
  }

  /** A simulator of a flow module of an app. */
  public static fromContactFlowModule(flowModule: ContactFlowModule): FlowSimulator {
    const center = SimulatedContactCenter.fromApp(flowModule);
    return FlowSimulator.ofKey(center._model, keyOf(flowModule.node.defaultChild as CfnResource));
  }

  /** @internal */
  public static _of(model: CenterModel, flow: SimFlow): FlowSimulator {
    return new FlowSimulator(model, flow);
  }

  private static ofKey(model: CenterModel, key: string): FlowSimulator {
    const flow = model.flows.get(key);
    if (flow === undefined) {
      throw new SimulationError(`the flow ${key} has no content known at synth time to simulate`);
    }
    return new FlowSimulator(model, flow);
  }

  /** The name of the flow. */
  public readonly flowName: string;

  /** @internal */
  public readonly _model: CenterModel;

  /** @internal */
  public readonly _flow: SimFlow;

  private constructor(model: CenterModel, flow: SimFlow) {
    this._model = model;
    this._flow = flow;
    this.flowName = flow.name;
  }

  /**
   * Runs one simulated contact.
   *
   * @param environment the channel, customer inputs and the world around the flow
   */
  public run(environment: SimulationEnvironment = {}): SimulationResult {
    return this._run(environment).result;
  }

  /** The flow as a Mermaid flowchart. */
  public toMermaid(): string {
    return renderMermaid(this._flow.startAction, this._flow.order);
  }

  /** @internal */
  public _run(environment: SimulationEnvironment): { result: SimulationResult; taken: TakenBranch[] } {
    return simulate(this._model, this._flow, environment, ACTION_HANDLERS);
  }

  /** Runs a contact with the inputs of a script (silences included). @internal */
  public _runScript(environment: SimulationEnvironment, inputs: ReadonlyArray<string | typeof SILENCE>)
    : { result: SimulationResult; itemSteps: number[] } {
    return simulate(this._model, this._flow, environment, ACTION_HANDLERS, inputs);
  }
}
