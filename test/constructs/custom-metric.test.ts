import { CfnElement, CfnParameter, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  CustomMetric,
  CustomMetricComponent,
  CustomMetricFilter,
  CustomMetricFilterComparison,
  CustomMetricProps,
  CustomMetricStatus,
  CustomMetricTrendIndicator,
  CustomMetricUnit,
} from '../../src/constructs/custom-metric';
import { INSTANCE_ARN, testStack } from '../helpers';

const METRIC_ARN = `${INSTANCE_ARN}/metric/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;

type Overrides = Partial<Omit<CustomMetricProps, 'instance'>>;

function newMetric(overrides: Overrides = {}) {
  const { stack, instance } = testStack();
  const metric = new CustomMetric(stack, 'Metric', {
    instance,
    customMetricName: 'Answered in 20s',
    calculation: 'fast / handled',
    components: [
      { alias: 'fast', metricName: 'CONTACTS_HANDLED', filters: [CustomMetricFilter.compare('QUEUE_ANSWER_TIME', CustomMetricFilterComparison.LESSER_OR_EQUAL, [20])] },
      { alias: 'handled', metricName: 'CONTACTS_HANDLED' },
    ],
    unit: CustomMetricUnit.PERCENT,
    ...overrides,
  });
  return { stack, metric };
}

describe('CustomMetric', () => {
  test('renders the calculation, its components and filters, published by default', () => {
    const { stack } = newMetric({ description: 'Share of contacts answered within 20 seconds', positiveTrendIndicator: CustomMetricTrendIndicator.POSITIVE });

    const resources = Template.fromStack(stack).findResources('AWS::Connect::Metric');
    expect(Object.values(resources).map((r: any) => r.Properties)).toEqual([{
      InstanceArn: INSTANCE_ARN,
      Name: 'Answered in 20s',
      Description: 'Share of contacts answered within 20 seconds',
      MetricCalculation: {
        Calculation: 'fast / handled',
        CalculationComponents: [
          {
            Alias: 'fast',
            MetricName: 'CONTACTS_HANDLED',
            MetricFilters: [{ MetricFilterKey: 'QUEUE_ANSWER_TIME', NumberCondition: { Comparison: 'LESSER_OR_EQUAL', Values: [20] } }],
          },
          { Alias: 'handled', MetricName: 'CONTACTS_HANDLED' },
        ],
      },
      Unit: 'PERCENT',
      Status: 'PUBLISHED',
      PositiveTrendIndicator: 'POSITIVE',
    }]);
  });

  test('renders every kind of filter, negated ones too, and a saved status', () => {
    const { stack } = newMetric({
      calculation: 'c',
      components: [{
        alias: 'c',
        metricId: 'abc-123',
        filters: [
          CustomMetricFilter.matchesAny('CHANNEL', ['VOICE', 'CHAT']),
          CustomMetricFilter.matchesNone('QUEUE', ['q1']),
          CustomMetricFilter.isTrue('TRANSFERRED'),
          CustomMetricFilter.isFalse('ABANDONED').negate(),
          CustomMetricFilter.compare('DURATION', CustomMetricFilterComparison.GREATER, [60]).negate().negate(),
        ],
      }],
      status: CustomMetricStatus.SAVED,
      unit: CustomMetricUnit.INTEGER,
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Metric', {
      Status: 'SAVED',
      Unit: 'INTEGER',
      MetricCalculation: {
        CalculationComponents: [{
          Alias: 'c',
          MetricId: 'abc-123',
          MetricFilters: [
            { MetricFilterKey: 'CHANNEL', StringCondition: { Comparison: 'MATCHES_ANY', Values: ['VOICE', 'CHAT'] } },
            { MetricFilterKey: 'QUEUE', StringCondition: { Comparison: 'MATCHES_NONE', Values: ['q1'] } },
            { MetricFilterKey: 'TRANSFERRED', BooleanCondition: { Comparison: 'IS_TRUE' } },
            { MetricFilterKey: 'ABANDONED', Negate: true, BooleanCondition: { Comparison: 'IS_FALSE' } },
            { MetricFilterKey: 'DURATION', NumberCondition: { Comparison: 'GREATER', Values: [60] } },
          ],
        }],
      },
    });
  });

  test('negate returns a new filter', () => {
    const filter = CustomMetricFilter.isTrue('TRANSFERRED');
    expect(filter.negate().negated).toBe(true);
    expect(filter.negated).toBe(false);
    expect(filter.key).toBe('TRANSFERRED');
  });

  test('generates a name when none is given', () => {
    const { stack } = newMetric({ customMetricName: undefined });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Metric', { Name: Match.stringLikeRegexp('^TestMetric') });
  });

  test('exposes the ARN, the id parsed from it and a reference', () => {
    const { stack, metric } = newMetric();
    const logicalId = stack.getLogicalId(metric.node.defaultChild as CfnElement);

    expect(stack.resolve(metric.customMetricArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'MetricArn'] });
    expect(stack.resolve(metric.customMetricId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'MetricArn'] }] }],
    });
    expect(metric.instanceArn).toBe(INSTANCE_ARN);
    expect(metric.customMetricName).toBe('Answered in 20s');
    expect(stack.resolve(metric.metricRef.metricArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'MetricArn'] });
  });

  test('takes tags from Tags.of', () => {
    const { stack, metric } = newMetric();
    Tags.of(metric).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Metric', { Tags: [{ Key: 'team', Value: 'support' }] });
  });

  test('warns about a component the calculation does not use', () => {
    const { stack } = newMetric({ calculation: 'fast' });
    Annotations.fromStack(stack).hasWarning('/Test/Metric', Match.stringLikeRegexp("component handled is not used in the calculation 'fast'"));
  });

  test('does not warn when every component is used', () => {
    const { stack } = newMetric({ calculation: '(fast/handled)*100' });
    Annotations.fromStack(stack).hasNoWarning('/Test/Metric', Match.anyValue());
  });

  test('skips the checks of tokens', () => {
    const { stack, instance } = testStack();
    const value = new CfnParameter(stack, 'Value').valueAsString;
    new CustomMetric(stack, 'Metric', {
      instance,
      customMetricName: value,
      calculation: value,
      components: [{ alias: value, metricName: value }],
      unit: CustomMetricUnit.DOUBLE,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Metric', { Name: { Ref: 'Value' } });
  });

  describe('validation', () => {
    const ok: CustomMetricComponent = { alias: 'a', metricName: 'CONTACTS_HANDLED' };

    test.each<[Overrides, RegExp]>([
      [{ customMetricName: '' }, /custom metric name must be 1 to 128 characters, got 0/],
      [{ customMetricName: 'n'.repeat(129) }, /custom metric name must be 1 to 128 characters, got 129/],
      [{ description: 'd'.repeat(501) }, /description must be 1 to 500 characters, got 501/],
      [{ calculation: '' }, /calculation must be 1 to 1024 characters, got 0/],
      [{ calculation: 'a'.repeat(1025), components: [ok] }, /calculation must be 1 to 1024 characters, got 1025/],
      [{ components: [] }, /components must have 1 to 5 items, got 0/],
      [{ calculation: 'a', components: ['a', 'b', 'c', 'd', 'e', 'f'].map(alias => ({ ...ok, alias })) }, /components must have 1 to 5 items, got 6/],
      [{ calculation: 'a', components: [ok, ok] }, /component aliases must be unique, 'a' appears more than once/],
      [{ calculation: '1a', components: [{ ...ok, alias: '1a' }] }, /alias of component 1 must be letters, digits and underscores, not starting with a digit, got '1a'/],
      [{ calculation: 'a', components: [{ ...ok, alias: 'a-b' }] }, /alias of component 1 must be letters, digits and underscores/],
      [{ calculation: 'a', components: [{ ...ok, alias: 'a'.repeat(129) }] }, /alias of component 1 must be 1 to 128 characters, got 129/],
      [{ calculation: 'a', components: [{ alias: 'a' }] }, /component a needs a metricName, a metricId or a metric: the metric it takes its values from/],
      [{ calculation: 'a', components: [{ alias: 'a', metricName: '' }] }, /metricName of component a must not be empty/],
      [{ calculation: 'a', components: [{ alias: 'a', metricId: '' }] }, /metricId of component a must not be empty/],
      [{ calculation: 'a', components: [{ alias: 'a', metricName: 'CONTACTS_HANDLED', metricId: 'abc' }] }, /component a must name its metric with exactly one of metricName, metricId and metric, got 2/],
      [{ calculation: 'a', components: [{ ...ok, filters: Array.from({ length: 6 }, () => CustomMetricFilter.isTrue('X')) }] }, /filters of component a must have 0 to 5 items, got 6/],
      [{ calculation: 'a', components: [{ ...ok, filters: [CustomMetricFilter.isTrue('')] }] }, /filter key of component a must not be empty/],
      [{ calculation: 'a', components: [{ ...ok, filters: [CustomMetricFilter.matchesAny('CHANNEL', [])] }] }, /values of filter CHANNEL of component a must have 1 to 15 items, got 0/],
      [{ calculation: 'a', components: [{ ...ok, filters: [CustomMetricFilter.matchesNone('QUEUE', Array.from({ length: 16 }, (_, i) => `q${i}`))] }] }, /values of filter QUEUE of component a must have 1 to 15 items, got 16/],
      [{ calculation: 'a', components: [{ ...ok, filters: [CustomMetricFilter.compare('D', CustomMetricFilterComparison.LESSER, [])] }] }, /values of filter D of component a must have 1 to 10 items, got 0/],
      [{ calculation: 'a', components: [{ ...ok, filters: [CustomMetricFilter.compare('D', CustomMetricFilterComparison.LESSER, Array.from({ length: 11 }, (_, i) => i))] }] }, /values of filter D of component a must have 1 to 10 items, got 11/],
      [{ calculation: 'a', components: [{ ...ok, filters: [CustomMetricFilter.compare('D', CustomMetricFilterComparison.GREATER, [Infinity])] }] }, /values of filter D of component a must be finite numbers, got Infinity/],
    ])('fails with %p', (overrides, message) => {
      expect(() => newMetric(overrides)).toThrow(message);
    });
  });

  describe('components that use another custom metric', () => {
    test('renders the id of a custom metric defined in the app', () => {
      const { stack, instance } = testStack();
      const base = new CustomMetric(stack, 'Base', {
        instance,
        unit: CustomMetricUnit.INTEGER,
        calculation: 'h',
        components: [{ alias: 'h', metricName: 'CONTACTS_HANDLED' }],
      });
      new CustomMetric(stack, 'Derived', {
        instance,
        unit: CustomMetricUnit.INTEGER,
        calculation: 'b * 2',
        components: [{ alias: 'b', metric: base }],
      });

      const template = Template.fromStack(stack);
      const baseId = stack.getLogicalId(base.node.defaultChild as CfnElement);
      const derived = Object.values(template.findResources('AWS::Connect::Metric'))
        .find(resource => resource.Properties.MetricCalculation.Calculation === 'b * 2')!;
      expect(derived.Properties.MetricCalculation.CalculationComponents[0].MetricId).toEqual({
        'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [baseId, 'MetricArn'] }] }],
      });
      expect(derived.Properties.MetricCalculation.CalculationComponents[0].MetricName).toBeUndefined();
    });

    test('renders the id of an imported custom metric', () => {
      const { stack, instance } = testStack();
      const imported = CustomMetric.fromCustomMetricArn(stack, 'Imported', METRIC_ARN);
      new CustomMetric(stack, 'Derived', { instance, unit: CustomMetricUnit.INTEGER, calculation: 'b', components: [{ alias: 'b', metric: imported }] });

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Metric', {
        MetricCalculation: { CalculationComponents: [{ Alias: 'b', MetricId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' }] },
      });
    });

    test('fails with a metric and a metricId', () => {
      const { stack, instance } = testStack();
      const imported = CustomMetric.fromCustomMetricArn(stack, 'Imported', METRIC_ARN);
      expect(() => new CustomMetric(stack, 'Derived', {
        instance, unit: CustomMetricUnit.INTEGER, calculation: 'b', components: [{ alias: 'b', metric: imported, metricId: 'abc' }],
      })).toThrow(/Test\/Derived: component b must name its metric with exactly one of metricName, metricId and metric, got 2/);
    });

    test('fails with a custom metric of another instance', () => {
      const { stack, instance } = testStack();
      const other = CustomMetric.fromCustomMetricArn(stack, 'Other',
        'arn:aws:connect:us-east-1:111122223333:instance/99999999-8888-7777-6666-555555555555/metric/m-1');
      expect(() => new CustomMetric(stack, 'Derived', { instance, unit: CustomMetricUnit.INTEGER, calculation: 'b', components: [{ alias: 'b', metric: other }] }))
        .toThrow(/Test\/Derived: metric of component b must belong to instance/);
    });
  });

  describe('imports', () => {
    test('imports by ARN', () => {
      const { stack } = testStack();
      const metric = CustomMetric.fromCustomMetricArn(stack, 'Imported', METRIC_ARN);

      expect(metric.customMetricId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
      expect(metric.instanceArn).toBe(INSTANCE_ARN);
      expect(metric.metricRef.metricArn).toBe(METRIC_ARN);
      expect(metric.env.account).toBe('111122223333');
    });

    test('imports a token ARN', () => {
      const { stack } = testStack();
      const metric = CustomMetric.fromCustomMetricArn(stack, 'Imported', new CfnParameter(stack, 'MetricArn').valueAsString);

      expect(stack.resolve(metric.customMetricId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'MetricArn' }] }] });
    });

    test.each([`${INSTANCE_ARN}/queue/abc`, 'metric/abc', INSTANCE_ARN])('fails to import the malformed ARN %p', (arn) => {
      const { stack } = testStack();
      expect(() => CustomMetric.fromCustomMetricArn(stack, 'Imported', arn))
        .toThrow(/custom metric ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/metric\/<id>/);
    });
  });
});
