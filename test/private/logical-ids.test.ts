import { App, AspectPriority, Aspects, CfnElement, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Construct, IConstruct } from 'constructs';
import { HoursOfOperation, WeeklySchedule } from '../../src/constructs/hours-of-operation';
import { IInstance, Instance } from '../../src/constructs/instance';
import { Queue } from '../../src/constructs/queue';
import { INSTANCE_ARN } from '../helpers';

const HOURS = 'AWS::Connect::HoursOfOperation';
const QUEUE = 'AWS::Connect::Queue';

/** A stack that counts how often it allocates the logical id of each element (by path). */
class CountingStack extends Stack {
  public readonly allocations = new Map<string, number>();

  public allocateLogicalId(element: CfnElement): string {
    this.allocations.set(element.node.path, (this.allocations.get(element.node.path) ?? 0) + 1);
    return super.allocateLogicalId(element);
  }
}

/** A stack whose logical ids all start with `Cc`, as an app that names its ids its own way would write it. */
class PrefixingStack extends Stack {
  public allocateLogicalId(element: CfnElement): string {
    return `Cc${super.allocateLogicalId(element)}`;
  }
}

function contactCenter(scope: Construct, instance: IInstance, queues = 3): { hours: HoursOfOperation; queues: Queue[] } {
  const hours = new HoursOfOperation(scope, 'Hours', { instance, timeZone: 'UTC', schedule: WeeklySchedule.alwaysOpen() });
  const made = Array.from({ length: queues }, (_, i) => new Queue(scope, `Queue${i}`, { instance, hoursOfOperation: hours, queueName: `Q${i}` }));
  return { hours, queues: made };
}

const hoursArnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'HoursOfOperationArn'] });

describe('logical ids are fixed once synthesis starts', () => {
  test('the stack allocates the logical id of each of the library\'s resources once, however often they are referenced', () => {
    const app = new App();
    const stack = new CountingStack(app, 'Test');
    const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
    const { hours } = contactCenter(stack, instance, 20);
    const template = Template.fromStack(stack);

    template.resourceCountIs(QUEUE, 20);
    const hoursId = stack.resolve((hours.node.defaultChild as CfnElement).logicalId);
    template.allResourcesProperties(QUEUE, { HoursOfOperationArn: hoursArnOf(hoursId) });
    // 20 queues reference the hours in two resolutions of the template each (references, then the template).
    expect(stack.allocations.get('Test/Hours/Resource')).toBe(1);
    expect(stack.allocations.get('Test/Queue0/Resource')).toBe(1);
  });

  test('the ids are those aws-cdk-lib allocates: the template keeps them, and a Stack that allocates its own is followed', () => {
    const app = new App();
    const stack = new PrefixingStack(app, 'Test');
    const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
    const { hours, queues } = contactCenter(stack, instance, 1);
    const template = Template.fromStack(stack).toJSON();

    const hoursId = Object.keys(template.Resources).find(id => template.Resources[id].Type === HOURS)!;
    expect(hoursId).toMatch(/^CcHours[0-9A-F]{8}$/);
    expect(hoursId).toBe(stack.resolve((hours.node.defaultChild as CfnElement).logicalId));
    const queueId = Object.keys(template.Resources).find(id => template.Resources[id].Type === QUEUE)!;
    expect(queueId).toMatch(/^CcQueue0[0-9A-F]{8}$/);
    expect(template.Resources[queueId].Properties.HoursOfOperationArn).toEqual(hoursArnOf(hoursId));
    expect(queues).toHaveLength(1);
  });

  test('renameLogicalId and overrideLogicalId made before synthesis apply, in the resource and in every reference to it', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
    const { hours, queues } = contactCenter(stack, instance, 2);
    const hoursCfn = hours.node.defaultChild as CfnElement;
    stack.renameLogicalId(stack.getLogicalId(hoursCfn), 'BusinessHours');
    (queues[1].node.defaultChild as CfnElement).overrideLogicalId('SecondQueue');
    const template = Template.fromStack(stack);

    template.templateMatches({
      Resources: {
        BusinessHours: { Type: HOURS },
        SecondQueue: { Type: QUEUE, Properties: { HoursOfOperationArn: hoursArnOf('BusinessHours') } },
      },
    });
    template.resourcePropertiesCountIs(QUEUE, { HoursOfOperationArn: hoursArnOf('BusinessHours') }, 2);
  });

  test('an app\'s aspect that renames or overrides ids runs first, whatever its priority', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
    const { hours } = contactCenter(stack, instance, 1);
    const renamer: IAspect = {
      visit(node: IConstruct) {
        if (node === hours.node.defaultChild) {
          (node as CfnElement).overrideLogicalId('RenamedByAspect');
        }
      },
    };
    Aspects.of(app).add(renamer, { priority: AspectPriority.READONLY });
    Template.fromStack(stack).templateMatches({
      Resources: { RenamedByAspect: { Type: HOURS } },
    });
    Template.fromStack(stack).hasResourceProperties(QUEUE, { HoursOfOperationArn: hoursArnOf('RenamedByAspect') });
  });

  test.each([true, false])('resources an app\'s aspect creates get their ids, without a warning (aspect stabilization: %s)', (stabilization) => {
    const app = new App({ context: { '@aws-cdk/core:aspectStabilization': stabilization } });
    const stack = new Stack(app, 'Test');
    const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
    let created = false;
    const creator: IAspect = {
      visit(node: IConstruct) {
        if (node === stack && !created) {
          created = true;
          contactCenter(stack, instance, 1);
        }
      },
    };
    Aspects.of(stack).add(creator, { priority: 2_000 });
    const template = Template.fromStack(stack);

    template.resourceCountIs(QUEUE, 1);
    const hoursId = Object.keys(template.toJSON().Resources).find(id => template.toJSON().Resources[id].Type === HOURS)!;
    template.hasResourceProperties(QUEUE, { HoursOfOperationArn: hoursArnOf(hoursId) });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('a second synthesis, after a cross-stack reference locked an id, writes the same templates', () => {
    const app = new App();
    const producer = new Stack(app, 'Producer', { env: { account: '111122223333', region: 'us-east-1' } });
    const consumer = new Stack(app, 'Consumer', { env: { account: '111122223333', region: 'us-east-1' } });
    const instance = Instance.fromInstanceArn(producer, 'Instance', INSTANCE_ARN);
    const { hours } = contactCenter(producer, instance, 1);
    new Queue(consumer, 'Queue', { instance: Instance.fromInstanceArn(consumer, 'Instance', INSTANCE_ARN), hoursOfOperation: hours });

    const first = [Template.fromStack(producer).toJSON(), Template.fromStack(consumer).toJSON()];
    const second = [
      app.synth({ force: true }).getStackByName('Producer').template,
      app.synth({ force: true }).getStackByName('Consumer').template,
    ];
    expect(second).toEqual(first);
    expect(JSON.stringify(first[1])).toContain('Fn::ImportValue');
  });

  test('stacks in a Stage get their ids when the stage is synthesized', () => {
    const app = new App();
    const stage = new Stage(app, 'Prod');
    const stack = new CountingStack(stage, 'Test');
    const instance = Instance.fromInstanceArn(stack, 'Instance', INSTANCE_ARN);
    const { hours } = contactCenter(stack, instance, 5);
    const template = Template.fromStack(stack);

    template.allResourcesProperties(QUEUE, { HoursOfOperationArn: hoursArnOf(stack.resolve((hours.node.defaultChild as CfnElement).logicalId)) });
    expect(stack.allocations.get('Prod/Test/Hours/Resource')).toBe(1);
  });
});
