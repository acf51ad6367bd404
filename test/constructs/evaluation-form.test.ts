import { CfnElement, Lazy, Stack, Tags, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  EvaluationForm,
  EvaluationFormAnswerSource,
  EvaluationFormCondition,
  EvaluationFormConditionComparator,
  EvaluationFormConditionOperator,
  EvaluationFormEnablementAction,
  EvaluationFormItem,
  EvaluationFormLanguage,
  EvaluationFormMultiSelectDisplay,
  EvaluationFormNumericAutomation,
  EvaluationFormNumericMetric,
  EvaluationFormProps,
  EvaluationFormQuestion,
  EvaluationFormQuestionType,
  EvaluationFormRuleCondition,
  EvaluationFormScoringMode,
  EvaluationFormScoringStatus,
  EvaluationFormSection,
  EvaluationFormSingleSelectDisplay,
  EvaluationFormSingleSelectQuestionProps,
  EvaluationFormStatus,
  EvaluationFormTarget,
} from '../../src/constructs/evaluation-form';
import { INSTANCE_ARN, testStack } from '../helpers';

const FORM_ARN = `${INSTANCE_ARN}/evaluation-form/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;

/** A scored yes/no question. */
function yesNo(title: string, props: Partial<EvaluationFormSingleSelectQuestionProps> = {}): EvaluationFormQuestion {
  return EvaluationFormQuestion.singleSelect({
    title,
    options: [{ text: 'Yes', score: 10 }, { text: 'No', score: 0 }],
    ...props,
  });
}

/** A section holding one unscored text question. */
function textSection(title: string, weight?: number): EvaluationFormSection {
  return EvaluationFormSection.of({ title, weight, items: [EvaluationFormQuestion.text({ title: `${title} notes` })] });
}

/** Creates a form in a fresh stack and returns the stack. */
function formStack(props: Partial<EvaluationFormProps>): Stack {
  const { stack, instance } = testStack();
  new EvaluationForm(stack, 'Form', { instance, title: 'Call quality', ...props });
  return stack;
}

/** The Items property of the only evaluation form in the stack. */
function itemsOf(stack: Stack): any[] {
  const resources = Template.fromStack(stack).findResources('AWS::Connect::EvaluationForm');
  return Object.values(resources)[0].Properties.Items;
}

/** The questions of the form's first section. */
function firstSectionQuestions(stack: Stack): any[] {
  return itemsOf(stack)[0].Section.Items.map((item: any) => item.Question);
}

describe('EvaluationForm', () => {
  test('renders a realistic section-scored form', () => {
    const { stack, instance } = testStack();
    const greeting = EvaluationFormSection.of({
      title: 'Greeting',
      instructions: 'The first 30 seconds of the call',
      weight: 40,
      items: [
        EvaluationFormQuestion.singleSelect({
          title: 'Did the agent greet the customer by name?',
          instructions: 'Listen to the opening',
          displayAs: EvaluationFormSingleSelectDisplay.RADIO,
          notApplicableEnabled: true,
          options: [
            { text: 'Yes', score: 10 },
            { text: 'Partly', score: 5 },
            { text: 'No', score: 0, automaticFail: true },
          ],
          automation: {
            rules: [{ category: 'Greeting', option: 'Yes' }],
            defaultOption: 'No',
          },
        }),
      ],
    });
    const resolution = EvaluationFormSection.of({
      title: 'Resolution',
      weight: 60,
      items: [
        EvaluationFormQuestion.numeric({
          title: 'How often did the agent interrupt the customer?',
          minValue: 0,
          maxValue: 10,
          scoreRanges: [
            { minValue: 0, maxValue: 0, score: 10 },
            { minValue: 1, maxValue: 4, score: 5 },
            { minValue: 5, maxValue: 10, score: 1 },
          ],
          automation: EvaluationFormNumericAutomation.fromMetric(EvaluationFormNumericMetric.NUMBER_OF_INTERRUPTIONS),
        }),
        EvaluationFormSection.of({
          title: 'Compliance',
          items: [
            EvaluationFormQuestion.singleSelect({
              title: 'Did the agent read the disclosure?',
              options: [
                { text: 'Yes', score: 10 },
                { text: 'No', score: 0, automaticFailSection: greeting },
              ],
            }),
          ],
        }),
        EvaluationFormQuestion.text({ title: 'Summary', answerSource: EvaluationFormAnswerSource.GEN_AI }),
      ],
    });

    new EvaluationForm(stack, 'Form', {
      instance,
      title: 'Call quality',
      description: 'How agents handle support calls',
      status: EvaluationFormStatus.ACTIVE,
      scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
      sections: [greeting, resolution],
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::EvaluationForm', {
      InstanceArn: INSTANCE_ARN,
      Title: 'Call quality',
      Description: 'How agents handle support calls',
      Status: 'ACTIVE',
      ScoringStrategy: { Mode: 'SECTION_ONLY', Status: 'ENABLED' },
      Items: [
        {
          Section: {
            RefId: 'greeting',
            Title: 'Greeting',
            Instructions: 'The first 30 seconds of the call',
            Weight: 40,
            Items: [{
              Question: {
                RefId: 'did-the-agent-greet-the-customer-by-name',
                Title: 'Did the agent greet the customer by name?',
                Instructions: 'Listen to the opening',
                QuestionType: 'SINGLESELECT',
                NotApplicableEnabled: true,
                QuestionTypeProperties: {
                  SingleSelect: {
                    DisplayAs: 'RADIO',
                    Options: [
                      { RefId: 'did-the-agent-greet-the-customer-by.yes', Text: 'Yes', Score: 10 },
                      { RefId: 'did-the-agent-greet-the-customer.partly', Text: 'Partly', Score: 5 },
                      { RefId: 'did-the-agent-greet-the-customer-by.no', Text: 'No', Score: 0, AutomaticFail: true },
                    ],
                    Automation: {
                      Options: [{
                        RuleCategory: {
                          Category: 'Greeting',
                          Condition: 'PRESENT',
                          OptionRefId: 'did-the-agent-greet-the-customer-by.yes',
                        },
                      }],
                      DefaultOptionRefId: 'did-the-agent-greet-the-customer-by.no',
                    },
                  },
                },
              },
            }],
          },
        },
        {
          Section: {
            RefId: 'resolution',
            Title: 'Resolution',
            Weight: 60,
            Items: [
              {
                Question: {
                  RefId: 'how-often-did-the-agent-interrupt-the',
                  QuestionType: 'NUMERIC',
                  QuestionTypeProperties: {
                    Numeric: {
                      MinValue: 0,
                      MaxValue: 10,
                      Options: [
                        { MinValue: 0, MaxValue: 0, Score: 10 },
                        { MinValue: 1, MaxValue: 4, Score: 5 },
                        { MinValue: 5, MaxValue: 10, Score: 1 },
                      ],
                      Automation: { PropertyValue: { Label: 'NUMBER_OF_INTERRUPTIONS' } },
                    },
                  },
                },
              },
              {
                Section: {
                  RefId: 'compliance',
                  Title: 'Compliance',
                  Items: [{
                    Question: {
                      RefId: 'did-the-agent-read-the-disclosure',
                      QuestionTypeProperties: {
                        SingleSelect: {
                          Options: [
                            { RefId: 'did-the-agent-read-the-disclosure.yes', Text: 'Yes', Score: 10 },
                            {
                              RefId: 'did-the-agent-read-the-disclosure.no',
                              Text: 'No',
                              Score: 0,
                              AutomaticFail: true,
                              AutomaticFailConfiguration: { TargetSection: 'greeting' },
                            },
                          ],
                        },
                      },
                    },
                  }],
                },
              },
              {
                Question: {
                  RefId: 'summary',
                  Title: 'Summary',
                  QuestionType: 'TEXT',
                  QuestionTypeProperties: { Text: { Automation: { AnswerSource: { SourceType: 'GEN_AI' } } } },
                },
              },
            ],
          },
        },
      ],
    });
  });

  test('renders a question-scored form with weights on the questions only', () => {
    const stack = formStack({
      scoringStrategy: { mode: EvaluationFormScoringMode.QUESTION_ONLY },
      sections: [
        EvaluationFormSection.of({
          title: 'Opening',
          items: [yesNo('Greeting', { weight: 50 }), EvaluationFormQuestion.text({ title: 'Notes' })],
        }),
        EvaluationFormSection.of({
          title: 'Closing',
          items: [
            yesNo('Offered more help', { weight: 5 }),
            EvaluationFormQuestion.numeric({ title: 'Hold time', minValue: 0, maxValue: 600, weight: 45 }),
          ],
        }),
      ],
    });

    const items = itemsOf(stack);
    expect(items.map(item => item.Section.Weight)).toEqual([undefined, undefined]);
    expect(items.flatMap(item => item.Section.Items.map((i: any) => i.Question.Weight))).toEqual([50, undefined, 5, 45]);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::EvaluationForm', {
      ScoringStrategy: { Mode: 'QUESTION_ONLY', Status: 'ENABLED' },
    });
  });

  test('renders defaults: a draft without scoring and optional properties', () => {
    const stack = formStack({ sections: [EvaluationFormSection.of({ title: 'Only', items: [yesNo('Polite')] })] });

    const resources = Template.fromStack(stack).findResources('AWS::Connect::EvaluationForm');
    const props = Object.values(resources)[0].Properties;
    expect(props.Status).toBe('DRAFT');
    expect(Object.keys(props).sort()).toEqual(['InstanceArn', 'Items', 'Status', 'Title']);
    expect(props.Items[0].Section.Items[0].Question).toEqual({
      RefId: 'polite',
      Title: 'Polite',
      QuestionType: 'SINGLESELECT',
      QuestionTypeProperties: {
        SingleSelect: {
          Options: [{ RefId: 'polite.yes', Text: 'Yes', Score: 10 }, { RefId: 'polite.no', Text: 'No', Score: 0 }],
        },
      },
    });
  });

  test('renders a disabled scoring strategy, the language, the target and automated evaluation', () => {
    const stack = formStack({
      scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY, status: EvaluationFormScoringStatus.DISABLED },
      language: EvaluationFormLanguage.FR_FR,
      target: EvaluationFormTarget.AUTOMATED,
      autoEvaluationEnabled: true,
      sections: [textSection('Bot')],
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::EvaluationForm', {
      ScoringStrategy: { Mode: 'SECTION_ONLY', Status: 'DISABLED' },
      LanguageConfiguration: { FormLanguage: 'fr-FR' },
      TargetConfiguration: { ContactInteractionType: 'AUTOMATED' },
      AutoEvaluationConfiguration: { Enabled: true },
    });
  });

  test('takes languages and targets it has no constant for', () => {
    const stack = formStack({
      language: EvaluationFormLanguage.of('ja-JP'),
      target: EvaluationFormTarget.of('CUSTOMER'),
      sections: [textSection('Bot')],
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::EvaluationForm', {
      LanguageConfiguration: { FormLanguage: 'ja-JP' },
      TargetConfiguration: { ContactInteractionType: 'CUSTOMER' },
    });
  });

  test('renders multi-select and date and time questions', () => {
    const stack = formStack({
      sections: [EvaluationFormSection.of({
        title: 'Topics',
        items: [
          EvaluationFormQuestion.multiSelect({
            title: 'Topics discussed',
            displayAs: EvaluationFormMultiSelectDisplay.CHECKBOX,
            options: [{ text: 'Billing' }, { text: 'Outage', refId: 'outage' }, { text: 'Upgrade' }],
            automation: {
              rules: [{ category: 'Billing', options: ['Billing', 'Upgrade'], condition: EvaluationFormRuleCondition.NOT_PRESENT }],
              defaultOptions: ['Outage'],
              answerSource: EvaluationFormAnswerSource.CONTACT_LENS_DATA,
            },
          }),
          EvaluationFormQuestion.dateTime({ title: 'Follow-up due' }),
        ],
      })],
    });

    expect(firstSectionQuestions(stack)).toEqual([
      {
        RefId: 'topics-discussed',
        Title: 'Topics discussed',
        QuestionType: 'MULTISELECT',
        QuestionTypeProperties: {
          MultiSelect: {
            DisplayAs: 'CHECKBOX',
            Options: [
              { RefId: 'topics-discussed.billing', Text: 'Billing' },
              { RefId: 'outage', Text: 'Outage' },
              { RefId: 'topics-discussed.upgrade', Text: 'Upgrade' },
            ],
            Automation: {
              Options: [{
                RuleCategory: {
                  Category: 'Billing',
                  Condition: 'NOT_PRESENT',
                  OptionRefIds: ['topics-discussed.billing', 'topics-discussed.upgrade'],
                },
              }],
              DefaultOptionRefIds: ['outage'],
              AnswerSource: { SourceType: 'CONTACT_LENS_DATA' },
            },
          },
        },
      },
      { RefId: 'follow-up-due', Title: 'Follow-up due', QuestionType: 'DATETIME' },
    ]);
  });

  test('renders numeric automation from an answer source and single-select automation with one', () => {
    const stack = formStack({
      sections: [EvaluationFormSection.of({
        title: 'AI',
        items: [
          EvaluationFormQuestion.numeric({
            title: 'Empathy',
            minValue: 1,
            maxValue: 5,
            automation: EvaluationFormNumericAutomation.fromAnswerSource(EvaluationFormAnswerSource.GEN_AI),
          }),
          yesNo('Resolved', {
            automation: { rules: [{ category: 'Resolved', option: 'Yes' }], answerSource: EvaluationFormAnswerSource.GEN_AI },
          }),
        ],
      })],
    });

    const [empathy, resolved] = firstSectionQuestions(stack);
    expect(empathy.QuestionTypeProperties.Numeric).toEqual({
      MinValue: 1,
      MaxValue: 5,
      Automation: { AnswerSource: { SourceType: 'GEN_AI' } },
    });
    expect(resolved.QuestionTypeProperties.SingleSelect.Automation).toEqual({
      Options: [{ RuleCategory: { Category: 'Resolved', Condition: 'PRESENT', OptionRefId: 'resolved.yes' } }],
      AnswerSource: { SourceType: 'GEN_AI' },
    });
  });

  test('renders conditional questions with their enablement', () => {
    const resolved = yesNo('Resolved');
    const topics = EvaluationFormQuestion.multiSelect({
      title: 'Topics',
      options: [{ text: 'Billing' }, { text: 'Outage' }],
    });
    const why = EvaluationFormQuestion.text({
      title: 'Why not?',
      enablement: { conditions: [EvaluationFormCondition.answerIn(resolved, ['No'])] },
    });
    const outage = EvaluationFormQuestion.text({
      title: 'Outage details',
      enablement: {
        conditions: [
          EvaluationFormCondition.answerNotIn(resolved, ['Yes']),
          EvaluationFormCondition.answerMatches(topics, EvaluationFormConditionComparator.ALL_IN, ['Outage']),
        ],
        operator: EvaluationFormConditionOperator.OR,
        action: EvaluationFormEnablementAction.DISABLE,
        defaultAction: EvaluationFormEnablementAction.DISABLE,
      },
    });
    const stack = formStack({
      sections: [EvaluationFormSection.of({ title: 'Outcome', items: [resolved, topics, why, outage] })],
    });

    const questions = firstSectionQuestions(stack);
    expect(questions[2].Enablement).toEqual({
      Action: 'ENABLE',
      DefaultAction: 'DISABLE',
      Condition: {
        Operands: [{
          Expression: {
            Source: { Type: 'QUESTION_REF_ID', RefId: 'resolved' },
            Values: [{ Type: 'OPTION_REF_ID', RefId: 'resolved.no' }],
            Comparator: 'IN',
          },
        }],
      },
    });
    expect(questions[3].Enablement).toEqual({
      Action: 'DISABLE',
      DefaultAction: 'DISABLE',
      Condition: {
        Operator: 'OR',
        Operands: [
          {
            Expression: {
              Source: { Type: 'QUESTION_REF_ID', RefId: 'resolved' },
              Values: [{ Type: 'OPTION_REF_ID', RefId: 'resolved.yes' }],
              Comparator: 'NOT_IN',
            },
          },
          {
            Expression: {
              Source: { Type: 'QUESTION_REF_ID', RefId: 'topics' },
              Values: [{ Type: 'OPTION_REF_ID', RefId: 'topics.outage' }],
              Comparator: 'ALL_IN',
            },
          },
        ],
      },
    });
  });

  test('combines several conditions with AND unless told', () => {
    const resolved = yesNo('Resolved');
    const polite = yesNo('Polite');
    const stack = formStack({
      sections: [EvaluationFormSection.of({
        title: 'Outcome',
        items: [resolved, polite, EvaluationFormQuestion.text({
          title: 'Praise',
          enablement: {
            conditions: [EvaluationFormCondition.answerIn(resolved, ['Yes']), EvaluationFormCondition.answerIn(polite, ['Yes'])],
          },
        })],
      })],
    });

    expect(firstSectionQuestions(stack)[2].Enablement.Condition.Operator).toBe('AND');
  });

  describe('reference ids', () => {
    test('are made from titles, without accents, and numbered when titles repeat', () => {
      const stack = formStack({
        sections: [
          EvaluationFormSection.of({ title: 'Begrüßung & Ton', items: [yesNo('Höflich?'), EvaluationFormQuestion.text({ title: 'Comments' })] }),
          EvaluationFormSection.of({ title: 'Closing', items: [EvaluationFormQuestion.text({ title: 'Comments' }), EvaluationFormQuestion.text({ title: 'Comments' })] }),
        ],
      });

      const items = itemsOf(stack);
      expect(items[0].Section.RefId).toBe('begrussung-ton');
      expect(items[0].Section.Items.map((i: any) => i.Question.RefId)).toEqual(['hoflich', 'comments']);
      expect(items[1].Section.Items.map((i: any) => i.Question.RefId)).toEqual(['comments-2', 'comments-3']);
    });

    test('never reuse a chosen reference id and use the chosen ones as they are', () => {
      const stack = formStack({
        sections: [
          EvaluationFormSection.of({ title: 'Greeting', items: [yesNo('Polite', { refId: 'greeting' })] }),
          EvaluationFormSection.of({ title: 'Tone', refId: 'tone_1', items: [yesNo('Calm', { options: [{ text: 'Yes', refId: 'calm.yes' }, { text: 'No' }] })] }),
        ],
      });

      const items = itemsOf(stack);
      expect(items[0].Section.RefId).toBe('greeting-2');
      expect(items[0].Section.Items[0].Question.RefId).toBe('greeting');
      expect(items[1].Section.RefId).toBe('tone_1');
      expect(items[1].Section.Items[0].Question.QuestionTypeProperties.SingleSelect.Options.map((o: any) => o.RefId))
        .toEqual(['calm.yes', 'calm.no']);
    });

    test('are legal and unique for long titles, symbols only and tokens', () => {
      const long = 'A very long question title that goes on and on beyond forty characters';
      const stack = formStack({
        sections: [EvaluationFormSection.of({
          title: '???',
          items: [
            EvaluationFormQuestion.text({ title: long }),
            EvaluationFormQuestion.text({ title: long }),
            EvaluationFormQuestion.text({ title: Lazy.string({ produce: () => 'Later' }) }),
            yesNo('Options', { options: [{ text: '+++' }, { text: '---' }] }),
          ],
        })],
      });

      const section = itemsOf(stack)[0].Section;
      const questions = section.Items.map((i: any) => i.Question);
      expect(section.RefId).toBe('section');
      expect(questions[0].RefId).toBe('a-very-long-question-title-that-goes-on');
      expect(questions[1].RefId).toBe('a-very-long-question-title-that-goes-o-2');
      expect(questions[2].RefId).toBe('question');
      expect(questions[3].QuestionTypeProperties.SingleSelect.Options.map((o: any) => o.RefId)).toEqual(['options.option', 'options.option-2']);
      const all = [section.RefId, ...questions.map((q: any) => q.RefId)];
      for (const refId of all) {
        expect(refId).toMatch(/^[a-zA-Z0-9._-]{1,40}$/);
      }
    });

    test('stay the same when the form is synthesized twice', () => {
      const make = () => formStack({
        sections: [EvaluationFormSection.of({ title: 'Greeting', items: [yesNo('Polite'), yesNo('Polite')] })],
      });
      expect(itemsOf(make())).toEqual(itemsOf(make()));
    });
  });

  test('adds sections after construction', () => {
    const { stack, instance } = testStack();
    const form = new EvaluationForm(stack, 'Form', {
      instance,
      title: 'Call quality',
      scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
      sections: [textSection('First', 30)],
    });
    form.addSection(textSection('Second', 30), textSection('Third', 40));

    expect(itemsOf(stack).map(item => item.Section.Title)).toEqual(['First', 'Second', 'Third']);
  });

  test('exposes the question type and not-applicable flag', () => {
    expect(yesNo('Polite').questionType).toBe(EvaluationFormQuestionType.SINGLE_SELECT);
    expect(yesNo('Polite').notApplicableEnabled).toBe(false);
    expect(EvaluationFormQuestion.text({ title: 'Notes', notApplicableEnabled: true }).notApplicableEnabled).toBe(true);
    expect(EvaluationFormSection.of({ title: 'S', items: [yesNo('Polite')] }).items).toHaveLength(1);
  });

  test('takes tags from Tags.of', () => {
    const { stack, instance } = testStack();
    const form = new EvaluationForm(stack, 'Form', { instance, title: 'Call quality', sections: [textSection('Only')] });
    Tags.of(form).add('team', 'quality');

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::EvaluationForm', {
      Tags: [{ Key: 'team', Value: 'quality' }],
    });
  });

  test('exposes the ARN, the id parsed from it, the instance ARN and the title', () => {
    const { stack, instance } = testStack();
    const form = new EvaluationForm(stack, 'Form', { instance, title: 'Call quality', sections: [textSection('Only')] });
    const logicalId = stack.getLogicalId(form.node.defaultChild as CfnElement);

    expect(stack.resolve(form.evaluationFormArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'EvaluationFormArn'] });
    expect(stack.resolve(form.evaluationFormId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'EvaluationFormArn'] }] }],
    });
    expect(form.instanceArn).toBe(INSTANCE_ARN);
    expect(form.title).toBe('Call quality');
    expect(stack.resolve(form.evaluationFormRef.evaluationFormArn)).toEqual(stack.resolve(form.evaluationFormArn));
  });

  test('skips validation of token values', () => {
    const { stack, instance } = testStack();
    const token = Lazy.string({ produce: () => 'x'.repeat(500) });
    const weight = Token.asNumber(Lazy.number({ produce: () => 50 }));
    new EvaluationForm(stack, 'Form', {
      instance,
      title: token,
      description: token,
      scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
      sections: [
        EvaluationFormSection.of({ title: token, instructions: token, refId: token, weight, items: [yesNo(token)] }),
        EvaluationFormSection.of({ title: 'Other', weight, items: [yesNo('Polite', { options: [{ text: token }, { text: token }] })] }),
      ],
    });

    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  describe('imports', () => {
    test('imports a form by ARN', () => {
      const stack = new Stack();
      const form = EvaluationForm.fromEvaluationFormArn(stack, 'Imported', FORM_ARN);

      expect(form.evaluationFormArn).toBe(FORM_ARN);
      expect(form.evaluationFormId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
      expect(form.instanceArn).toBe(INSTANCE_ARN);
      expect(form.evaluationFormRef.evaluationFormArn).toBe(FORM_ARN);
      expect(form.env.region).toBe('us-east-1');
      expect(form.env.account).toBe('111122223333');
    });

    test('imports a form by a token ARN', () => {
      const stack = new Stack();
      const arn = Lazy.string({ produce: () => FORM_ARN });
      const form = EvaluationForm.fromEvaluationFormArn(stack, 'Imported', arn);

      expect(stack.resolve(form.evaluationFormId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', FORM_ARN] }] });
      expect(stack.resolve(form.instanceArn)).toEqual({
        'Fn::Join': ['/', [
          { 'Fn::Select': [0, { 'Fn::Split': ['/', FORM_ARN] }] },
          { 'Fn::Select': [1, { 'Fn::Split': ['/', FORM_ARN] }] },
        ]],
      });
    });

    test('fails to import a malformed ARN', () => {
      const stack = new Stack();
      expect(() => EvaluationForm.fromEvaluationFormArn(stack, 'Imported', 'not-an-arn'))
        .toThrow(/evaluation form ARN must look like .*\/evaluation-form\/<id>, got 'not-an-arn'/);
      expect(() => EvaluationForm.fromEvaluationFormArn(stack, 'Queue', `${INSTANCE_ARN}/queue/abc`))
        .toThrow(/evaluation form ARN must look like/);
    });
  });

  describe('validation of the form', () => {
    test('fails with a title that is too long', () => {
      expect(() => formStack({ title: 'x'.repeat(129) })).toThrow(/Test\/Form: title must be 1 to 128 characters, got 129/);
    });

    test('fails with an empty title', () => {
      expect(() => formStack({ title: '' })).toThrow(/title must be 1 to 128 characters, got 0/);
    });

    test('fails with a description that is too long', () => {
      expect(() => formStack({ description: 'x'.repeat(1025) })).toThrow(/description must be 1 to 1024 characters, got 1025/);
    });

    test('fails with a malformed language code', () => {
      expect(() => formStack({ language: EvaluationFormLanguage.of('english') }))
        .toThrow(/language must be a language code such as en-US, got 'english'/);
    });

    test('fails without sections', () => {
      expect(() => Template.fromStack(formStack({}))).toThrow(/an evaluation form needs at least one section/);
    });

    test('fails with more than 100 top-level sections', () => {
      const sections = Array.from({ length: 101 }, (_, i) => textSection(`S${i}`));
      expect(() => Template.fromStack(formStack({ sections }))).toThrow(/at most 100 top-level sections, got 101/);
    });

    test('fails with more than 100 sections in all', () => {
      const sections = Array.from({ length: 51 }, (_, i) => EvaluationFormSection.of({
        title: `S${i}`,
        items: [textSection(`S${i}.1`)],
      }));
      expect(() => Template.fromStack(formStack({ sections }))).toThrow(/at most 100 sections in all, subsections included, got 102/);
    });

    test('fails with more than 100 questions', () => {
      const questions = (n: number) => Array.from({ length: n }, (_, i) => EvaluationFormQuestion.text({ title: `Q${i}` }));
      const sections = [
        EvaluationFormSection.of({ title: 'A', items: questions(60) }),
        EvaluationFormSection.of({ title: 'B', items: questions(41) }),
      ];
      expect(() => Template.fromStack(formStack({ sections }))).toThrow(/at most 100 questions, got 101/);
    });

    test('fails with a reference id used twice', () => {
      const sections = [
        EvaluationFormSection.of({ title: 'A', refId: 'same', items: [yesNo('Polite', { refId: 'same' })] }),
      ];
      expect(() => Template.fromStack(formStack({ sections })))
        .toThrow(/refId 'same' is used by more than one section or question: reference ids must be unique within the form/);
    });

    test('fails when the same section is added twice', () => {
      const section = textSection('Greeting');
      expect(() => formStack({ sections: [section, section] }))
        .toThrow(/section 'Greeting' appears more than once in the form: create a separate one for each place/);
    });

    test('fails when the same question is in two sections', () => {
      const question = yesNo('Polite');
      const sections = [
        EvaluationFormSection.of({ title: 'A', items: [question] }),
        EvaluationFormSection.of({ title: 'B', items: [question] }),
      ];
      expect(() => formStack({ sections })).toThrow(/question 'Polite' appears more than once in the form/);
    });

    test('fails when something other than a section is added', () => {
      const { stack, instance } = testStack();
      const form = new EvaluationForm(stack, 'Form', { instance, title: 'Call quality' });
      expect(() => form.addSection(yesNo('Polite') as unknown as EvaluationFormSection))
        .toThrow(/the form holds sections only: create them with EvaluationFormSection.of/);
    });
  });

  describe('validation of sections', () => {
    test('fails with a section title that is too long', () => {
      expect(() => formStack({ sections: [textSection('x'.repeat(129))] }))
        .toThrow(/section 'x{37}\.\.\.' title must be 1 to 128 characters, got 129/);
    });

    test('fails with section instructions that are too long', () => {
      const section = EvaluationFormSection.of({ title: 'A', instructions: 'x'.repeat(1025), items: [yesNo('Polite')] });
      expect(() => formStack({ sections: [section] })).toThrow(/section 'A' instructions must be 0 to 1024 characters, got 1025/);
    });

    test('fails with an illegal reference id', () => {
      const section = EvaluationFormSection.of({ title: 'A', refId: 'has space', items: [yesNo('Polite')] });
      expect(() => formStack({ sections: [section] }))
        .toThrow(/section 'A' refId must be 1 to 40 letters, digits, '.', '_' or '-', got 'has space'/);
    });

    test('fails with a reference id that is too long', () => {
      const section = EvaluationFormSection.of({ title: 'A', items: [yesNo('Polite', { refId: 'q'.repeat(41) })] });
      expect(() => formStack({ sections: [section] })).toThrow(/question 'Polite' refId must be 1 to 40 letters/);
    });

    test('fails without items', () => {
      const section = EvaluationFormSection.of({ title: 'Empty', items: [] });
      expect(() => formStack({ sections: [section] })).toThrow(/section 'Empty' items must have 1 to 100 items, got 0/);
    });

    test('fails with more than 100 items', () => {
      const items = Array.from({ length: 101 }, (_, i) => EvaluationFormQuestion.text({ title: `Q${i}` }));
      expect(() => formStack({ sections: [EvaluationFormSection.of({ title: 'Big', items })] }))
        .toThrow(/section 'Big' items must have 1 to 100 items, got 101/);
    });

    test('fails with sections nested three levels deep', () => {
      const section = EvaluationFormSection.of({
        title: 'Top',
        items: [EvaluationFormSection.of({ title: 'Middle', items: [textSection('Bottom')] })],
      });
      expect(() => formStack({ sections: [section] }))
        .toThrow(/section 'Bottom' is nested too deeply: sections hold subsections, subsections hold questions only/);
    });

    test('fails with an item that is neither a section nor a question', () => {
      class Odd extends EvaluationFormItem {
        constructor() {
          super('Odd');
        }
      }
      const section = EvaluationFormSection.of({ title: 'A', items: [new Odd()] });
      expect(() => formStack({ sections: [section] })).toThrow(/section 'A' holds an item that is neither a section nor a question/);
    });
  });

  describe('validation of weights', () => {
    test('fails with a weight out of range', () => {
      expect(() => formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
        sections: [textSection('A', 101)],
      })).toThrow(/section 'A' weight must be from 0 to 100, got 101/);
      expect(() => formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.QUESTION_ONLY },
        sections: [EvaluationFormSection.of({ title: 'A', items: [yesNo('Polite', { weight: -1 })] })],
      })).toThrow(/question 'Polite' weight must be from 0 to 100, got -1/);
    });

    test('fails with weights in a form that is not scored', () => {
      expect(() => formStack({ sections: [textSection('A', 100)] }))
        .toThrow(/section 'A' has a weight, but the form is not scored: give a scoringStrategy with status ENABLED to use weights/);
      expect(() => formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.QUESTION_ONLY, status: EvaluationFormScoringStatus.DISABLED },
        sections: [EvaluationFormSection.of({ title: 'A', items: [yesNo('Polite', { weight: 100 })] })],
      })).toThrow(/question 'Polite' has a weight, but the form is not scored/);
    });

    test('fails with SECTION_ONLY scoring and a section without a weight', () => {
      expect(() => formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
        sections: [textSection('A', 50), textSection('B')],
      })).toThrow(/section 'B' needs a weight: with SECTION_ONLY scoring the weights of the form's sections must add up to 100/);
    });

    test('fails with SECTION_ONLY scoring and section weights that do not add up to 100', () => {
      const stack = formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
        sections: [textSection('A', 33.33), textSection('B', 33.33), textSection('C', 33.33)],
      });
      expect(() => Template.fromStack(stack))
        .toThrow(/with SECTION_ONLY scoring the weights of the form's sections must add up to 100, got 99.99/);
    });

    test('accepts SECTION_ONLY weights that add up to 100 with decimals', () => {
      const stack = formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
        sections: [textSection('A', 33.33), textSection('B', 33.33), textSection('C', 33.34)],
      });
      expect(itemsOf(stack).map(item => item.Section.Weight)).toEqual([33.33, 33.33, 33.34]);
    });

    test('fails with SECTION_ONLY scoring and a weighted question', () => {
      expect(() => formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
        sections: [EvaluationFormSection.of({ title: 'A', weight: 100, items: [yesNo('Polite', { weight: 100 })] })],
      })).toThrow(/question 'Polite' has a weight, but with SECTION_ONLY scoring only sections have weights/);
    });

    test('fails when only some subsections have weights', () => {
      expect(() => formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
        sections: [EvaluationFormSection.of({ title: 'Top', weight: 100, items: [textSection('X', 100), textSection('Y')] })],
      })).toThrow(/either all or none of the subsections of section 'Top' have weights, got 1 of 2/);
    });

    test('fails when subsection weights do not add up to 100', () => {
      expect(() => formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
        sections: [EvaluationFormSection.of({ title: 'Top', weight: 100, items: [textSection('X', 60), textSection('Y', 30)] })],
      })).toThrow(/the weights of the subsections of section 'Top' must add up to 100, got 90/);
    });

    test('accepts subsection weights that add up to 100', () => {
      const stack = formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
        sections: [EvaluationFormSection.of({ title: 'Top', weight: 100, items: [textSection('X', 70), textSection('Y', 30)] })],
      });
      expect(itemsOf(stack)[0].Section.Items.map((item: any) => item.Section.Weight)).toEqual([70, 30]);
    });

    test('fails with QUESTION_ONLY scoring and a weighted section', () => {
      expect(() => formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.QUESTION_ONLY },
        sections: [EvaluationFormSection.of({ title: 'A', weight: 100, items: [yesNo('Polite', { weight: 100 })] })],
      })).toThrow(/section 'A' has a weight, but with QUESTION_ONLY scoring only questions have weights/);
    });

    test('fails with QUESTION_ONLY scoring and a scored question without a weight', () => {
      expect(() => formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.QUESTION_ONLY },
        sections: [EvaluationFormSection.of({ title: 'A', items: [yesNo('Polite', { weight: 100 }), yesNo('Calm')] })],
      })).toThrow(/question 'Calm' needs a weight: with QUESTION_ONLY scoring the weights of the single-select and numeric questions must add up to 100/);
    });

    test('fails with QUESTION_ONLY scoring and question weights that do not add up to 100', () => {
      const stack = formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.QUESTION_ONLY },
        sections: [
          EvaluationFormSection.of({ title: 'A', items: [yesNo('Polite', { weight: 50 })] }),
          EvaluationFormSection.of({ title: 'B', items: [yesNo('Calm', { weight: 40 })] }),
        ],
      });
      expect(() => Template.fromStack(stack))
        .toThrow(/with QUESTION_ONLY scoring the weights of the single-select and numeric questions must add up to 100, got 90/);
    });

    test('fails with a weight on a question that is not scored', () => {
      expect(() => formStack({
        scoringStrategy: { mode: EvaluationFormScoringMode.QUESTION_ONLY },
        sections: [EvaluationFormSection.of({ title: 'A', items: [EvaluationFormQuestion.text({ title: 'Notes', weight: 100 })] })],
      })).toThrow(/question 'Notes' has a weight, but text questions are not scored: only single-select and numeric questions have weights/);
    });
  });

  describe('validation of questions', () => {
    function oneQuestion(question: EvaluationFormQuestion, extra: Partial<EvaluationFormProps> = {}): Stack {
      return formStack({ sections: [EvaluationFormSection.of({ title: 'A', items: [question] })], ...extra });
    }

    test('fails with a question title that is too long', () => {
      expect(() => oneQuestion(EvaluationFormQuestion.text({ title: 'x'.repeat(351) })))
        .toThrow(/question 'x{37}\.\.\.' title must be 1 to 350 characters, got 351/);
    });

    test('accepts a question title of 350 characters', () => {
      expect(() => Template.fromStack(oneQuestion(EvaluationFormQuestion.text({ title: 'x'.repeat(350) })))).not.toThrow();
    });

    test('fails with question instructions that are too long', () => {
      expect(() => oneQuestion(EvaluationFormQuestion.text({ title: 'Notes', instructions: 'x'.repeat(1025) })))
        .toThrow(/question 'Notes' instructions must be 0 to 1024 characters, got 1025/);
    });

    describe('single-select', () => {
      test('fails with fewer than 2 options', () => {
        expect(() => oneQuestion(yesNo('Polite', { options: [{ text: 'Yes' }] })))
          .toThrow(/question 'Polite' options must have 2 to 256 items, got 1/);
      });

      test('fails with more than 256 options', () => {
        const options = Array.from({ length: 257 }, (_, i) => ({ text: `O${i}` }));
        expect(() => oneQuestion(yesNo('Polite', { options }))).toThrow(/question 'Polite' options must have 2 to 256 items, got 257/);
      });

      test('fails with an option text that is too long', () => {
        expect(() => oneQuestion(yesNo('Polite', { options: [{ text: 'Yes' }, { text: 'n'.repeat(129) }] })))
          .toThrow(/question 'Polite' option 'n{37}\.\.\.' text must be 1 to 128 characters, got 129/);
      });

      test('fails with an illegal option reference id', () => {
        expect(() => oneQuestion(yesNo('Polite', { options: [{ text: 'Yes', refId: 'y/es' }, { text: 'No' }] })))
          .toThrow(/question 'Polite' option 'Yes' refId must be 1 to 40 letters, digits, '.', '_' or '-', got 'y\/es'/);
      });

      test('fails with a score out of range', () => {
        expect(() => oneQuestion(yesNo('Polite', { options: [{ text: 'Yes', score: 11 }, { text: 'No' }] })))
          .toThrow(/question 'Polite' option 'Yes' score must be an integer from 0 to 10, got 11/);
        expect(() => oneQuestion(yesNo('Polite', { options: [{ text: 'Yes', score: 2.5 }, { text: 'No' }] })))
          .toThrow(/option 'Yes' score must be an integer from 0 to 10, got 2.5/);
      });

      test('fails with an option text used twice', () => {
        expect(() => oneQuestion(yesNo('Polite', { options: [{ text: 'Yes' }, { text: 'Yes' }] })))
          .toThrow(/question 'Polite' option texts must be unique, 'Yes' appears more than once/);
      });

      test('fails with an option reference id used twice', () => {
        expect(() => oneQuestion(yesNo('Polite', { options: [{ text: 'Yes', refId: 'a' }, { text: 'No', refId: 'a' }] })))
          .toThrow(/question 'Polite' option refIds must be unique, 'a' appears more than once/);
      });

      test('fails with an automatic fail section and automaticFail false', () => {
        const target = textSection('Target');
        const question = yesNo('Polite', { options: [{ text: 'Yes' }, { text: 'No', automaticFail: false, automaticFailSection: target }] });
        expect(() => formStack({ sections: [target, EvaluationFormSection.of({ title: 'A', items: [question] })] }))
          .toThrow(/question 'Polite' option 'No' has an automaticFailSection, so automaticFail cannot be false/);
      });

      test('fails with an automatic fail section that is not an EvaluationFormSection', () => {
        // What a caller without the TypeScript types (or with a cast) can pass: a look-alike of a section.
        const fake = { title: 'Fake', refId: 'fake' } as unknown as EvaluationFormSection;
        const question = yesNo('Polite', { options: [{ text: 'Yes' }, { text: 'No', automaticFailSection: fake }] });
        expect(() => Template.fromStack(oneQuestion(question)))
          .toThrow(/question 'Polite' option 'No' automaticFailSection must be an EvaluationFormSection/);
      });

      test('fails with an automatic fail section that is not part of the form', () => {
        const question = yesNo('Polite', { options: [{ text: 'Yes' }, { text: 'No', automaticFailSection: textSection('Elsewhere') }] });
        expect(() => Template.fromStack(oneQuestion(question)))
          .toThrow(/question 'Polite' fails section 'Elsewhere' automatically, but that section is not part of this form/);
      });

      test('fails without automation rules', () => {
        expect(() => oneQuestion(yesNo('Polite', { automation: { rules: [] } })))
          .toThrow(/question 'Polite' automation rules must have 1 to 20 items, got 0/);
      });

      test('fails with more than 20 automation rules', () => {
        const rules = Array.from({ length: 21 }, (_, i) => ({ category: `C${i}`, option: 'Yes' }));
        expect(() => oneQuestion(yesNo('Polite', { automation: { rules } })))
          .toThrow(/question 'Polite' automation rules must have 1 to 20 items, got 21/);
      });

      test('fails with a rule category that is too long', () => {
        expect(() => oneQuestion(yesNo('Polite', { automation: { rules: [{ category: 'c'.repeat(51), option: 'Yes' }] } })))
          .toThrow(/question 'Polite' automation rule category must be 1 to 50 characters, got 51/);
      });

      test('fails with a rule that names an unknown option', () => {
        expect(() => oneQuestion(yesNo('Polite', { automation: { rules: [{ category: 'Greeting', option: 'Maybe' }] } })))
          .toThrow(/question 'Polite' automation rule for category 'Greeting' names the option 'Maybe', which the question does not have; its options are 'Yes', 'No'/);
      });

      test('fails with an unknown default option', () => {
        expect(() => oneQuestion(yesNo('Polite', { automation: { rules: [{ category: 'G', option: 'Yes' }], defaultOption: 'Maybe' } })))
          .toThrow(/question 'Polite' automation defaultOption names the option 'Maybe'/);
      });
    });

    describe('multi-select', () => {
      const multi = (props: any = {}) => EvaluationFormQuestion.multiSelect({
        title: 'Topics',
        options: [{ text: 'Billing' }, { text: 'Outage' }],
        ...props,
      });

      test('fails with fewer than 2 options', () => {
        expect(() => oneQuestion(multi({ options: [{ text: 'Billing' }] }))).toThrow(/question 'Topics' options must have 2 to 256 items, got 1/);
      });

      test('fails with an option text used twice', () => {
        expect(() => oneQuestion(multi({ options: [{ text: 'Billing' }, { text: 'Billing' }] })))
          .toThrow(/question 'Topics' option texts must be unique, 'Billing' appears more than once/);
      });

      test('fails with an option text that is too long', () => {
        expect(() => oneQuestion(multi({ options: [{ text: 'Billing' }, { text: '' }] })))
          .toThrow(/question 'Topics' option '' text must be 1 to 128 characters, got 0/);
      });

      test('fails with a rule that chooses no option', () => {
        expect(() => oneQuestion(multi({ automation: { rules: [{ category: 'Billing', options: [] }] } })))
          .toThrow(/question 'Topics' automation rule for category 'Billing' must choose at least one option/);
      });

      test('fails with a rule that names an unknown option', () => {
        expect(() => oneQuestion(multi({ automation: { rules: [{ category: 'Billing', options: ['Billing', 'Refund'] }] } })))
          .toThrow(/question 'Topics' automation rule for category 'Billing' names the option 'Refund'/);
      });

      test('fails with unknown default options', () => {
        expect(() => oneQuestion(multi({ automation: { rules: [{ category: 'B', options: ['Billing'] }], defaultOptions: ['Refund'] } })))
          .toThrow(/question 'Topics' automation defaultOptions names the option 'Refund'/);
      });
    });

    describe('numeric', () => {
      const numeric = (props: any = {}) => EvaluationFormQuestion.numeric({ title: 'Holds', minValue: 0, maxValue: 10, ...props });

      test('fails with bounds that are not whole numbers', () => {
        expect(() => oneQuestion(numeric({ minValue: 0.5 }))).toThrow(/question 'Holds' minValue must be a whole number, got 0.5/);
        expect(() => oneQuestion(numeric({ maxValue: 9.5 }))).toThrow(/question 'Holds' maxValue must be a whole number, got 9.5/);
      });

      test('fails when minValue is not less than maxValue', () => {
        expect(() => oneQuestion(numeric({ minValue: 10, maxValue: 10 })))
          .toThrow(/question 'Holds' minValue must be less than maxValue, got 10 and 10/);
      });

      test('fails with a range outside the range of its metric', () => {
        expect(() => oneQuestion(numeric({
          minValue: 0,
          maxValue: 10,
          automation: EvaluationFormNumericAutomation.fromMetric(EvaluationFormNumericMetric.OVERALL_CUSTOMER_SENTIMENT_SCORE),
        }))).toThrow(/question 'Holds' minValue and maxValue must lie within -5 to 5 for the metric OVERALL_CUSTOMER_SENTIMENT_SCORE, got 0 to 10/);
      });

      test('accepts metrics without a known range', () => {
        const question = numeric({ minValue: 0, maxValue: 5000, automation: EvaluationFormNumericAutomation.fromMetric(EvaluationFormNumericMetric.of('NEW_METRIC')) });
        expect(firstSectionQuestions(oneQuestion(question))[0].QuestionTypeProperties.Numeric.Automation)
          .toEqual({ PropertyValue: { Label: 'NEW_METRIC' } });
      });

      test('fails without score ranges when they are given', () => {
        expect(() => oneQuestion(numeric({ scoreRanges: [] }))).toThrow(/question 'Holds' scoreRanges must have 1 to 10 items, got 0/);
      });

      test('fails with more than 10 score ranges', () => {
        const scoreRanges = Array.from({ length: 11 }, (_, i) => ({ minValue: i, maxValue: i }));
        expect(() => oneQuestion(numeric({ maxValue: 20, scoreRanges }))).toThrow(/question 'Holds' scoreRanges must have 1 to 10 items, got 11/);
      });

      test('fails with a range whose minValue is greater than its maxValue', () => {
        expect(() => oneQuestion(numeric({ scoreRanges: [{ minValue: 5, maxValue: 2 }] })))
          .toThrow(/question 'Holds' score range 5 to 2: minValue must not be greater than maxValue/);
      });

      test('fails with a range outside the question\'s range', () => {
        expect(() => oneQuestion(numeric({ scoreRanges: [{ minValue: 5, maxValue: 20 }] })))
          .toThrow(/question 'Holds' score range 5 to 20 must lie within the question's range 0 to 10/);
      });

      test('fails with overlapping ranges', () => {
        expect(() => oneQuestion(numeric({ scoreRanges: [{ minValue: 5, maxValue: 10 }, { minValue: 0, maxValue: 5 }] })))
          .toThrow(/question 'Holds' score ranges 0 to 5 and 5 to 10 overlap/);
      });

      test('fails with range bounds that are not whole numbers', () => {
        expect(() => oneQuestion(numeric({ scoreRanges: [{ minValue: 0.5, maxValue: 5 }] })))
          .toThrow(/question 'Holds' score range 0.5 to 5 minValue must be a whole number, got 0.5/);
      });

      test('fails with a range score out of range', () => {
        expect(() => oneQuestion(numeric({ scoreRanges: [{ minValue: 0, maxValue: 5, score: 20 }] })))
          .toThrow(/question 'Holds' score range 0 to 5 score must be an integer from 0 to 10, got 20/);
      });

      test('fails with a range that fails a section outside the form', () => {
        const question = numeric({ scoreRanges: [{ minValue: 0, maxValue: 5, automaticFailSection: textSection('Elsewhere') }] });
        expect(() => Template.fromStack(oneQuestion(question))).toThrow(/question 'Holds' fails section 'Elsewhere' automatically/);
      });

      test('fails with a range whose automatic fail section is not an EvaluationFormSection', () => {
        const fake = { title: 'Fake', refId: 'fake' } as unknown as EvaluationFormSection;
        const question = numeric({ scoreRanges: [{ minValue: 0, maxValue: 5, automaticFailSection: fake }] });
        expect(() => Template.fromStack(oneQuestion(question)))
          .toThrow(/question 'Holds' score range 0 to 5 automaticFailSection must be an EvaluationFormSection/);
      });

      test('renders an automatic fail range that fails a section', () => {
        const target = textSection('Target');
        const question = numeric({ scoreRanges: [{ minValue: 0, maxValue: 5, score: 0, automaticFailSection: target }] });
        const stack = formStack({ sections: [target, EvaluationFormSection.of({ title: 'A', items: [question] })] });
        expect(itemsOf(stack)[1].Section.Items[0].Question.QuestionTypeProperties.Numeric.Options).toEqual([
          { MinValue: 0, MaxValue: 5, Score: 0, AutomaticFail: true, AutomaticFailConfiguration: { TargetSection: 'target' } },
        ]);
      });
    });

    describe('enablement', () => {
      test('fails without conditions', () => {
        expect(() => oneQuestion(EvaluationFormQuestion.text({ title: 'Why', enablement: { conditions: [] } })))
          .toThrow(/question 'Why' enablement must have at least one condition/);
      });

      test('fails when a question depends on its own answer', () => {
        const conditions: EvaluationFormCondition[] = [];
        const question = yesNo('Polite', { enablement: { conditions } });
        conditions.push(EvaluationFormCondition.answerIn(question, ['Yes']));
        expect(() => oneQuestion(question)).toThrow(/question 'Polite' enablement cannot depend on the question's own answer/);
      });

      test('fails when the condition is on a question without options', () => {
        const holds = EvaluationFormQuestion.numeric({ title: 'Holds', minValue: 0, maxValue: 10 });
        const why = EvaluationFormQuestion.text({ title: 'Why', enablement: { conditions: [EvaluationFormCondition.answerIn(holds, ['1'])] } });
        expect(() => formStack({ sections: [EvaluationFormSection.of({ title: 'A', items: [holds, why] })] }))
          .toThrow(/question 'Why' enablement can only depend on single-select or multi-select questions, got question 'Holds', a numeric question/);
      });

      test('fails when the condition names no option', () => {
        const polite = yesNo('Polite');
        const why = EvaluationFormQuestion.text({ title: 'Why', enablement: { conditions: [EvaluationFormCondition.answerIn(polite, [])] } });
        expect(() => formStack({ sections: [EvaluationFormSection.of({ title: 'A', items: [polite, why] })] }))
          .toThrow(/question 'Why' enablement condition on question 'Polite' must name at least one option/);
      });

      test('fails when the condition names an unknown option', () => {
        const polite = yesNo('Polite');
        const why = EvaluationFormQuestion.text({ title: 'Why', enablement: { conditions: [EvaluationFormCondition.answerIn(polite, ['Maybe'])] } });
        expect(() => formStack({ sections: [EvaluationFormSection.of({ title: 'A', items: [polite, why] })] }))
          .toThrow(/question 'Why' enablement condition on question 'Polite' names the option 'Maybe', which the question does not have/);
      });

      test('fails when the condition is on a question outside the form', () => {
        const why = EvaluationFormQuestion.text({ title: 'Why', enablement: { conditions: [EvaluationFormCondition.answerIn(yesNo('Elsewhere'), ['No'])] } });
        expect(() => Template.fromStack(oneQuestion(why)))
          .toThrow(/question 'Why' enablement depends on question 'Elsewhere', which is not part of this form/);
      });
    });
  });
});
