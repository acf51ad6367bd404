import { IResource, Lazy, Resource, Token } from 'aws-cdk-lib';
import { CfnEvaluationForm } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { MAX_REF_ID_LENGTH, REF_ID, RefIdAllocator, shorten, slugOf } from '../private/ref-ids';
import { fail, validateCount, validateDescription, validateIntegerRange, validateLength, validatePattern, validateUnique } from '../private/validation';

/**
 * An Amazon Connect evaluation form, defined in this app or imported.
 */
export interface IEvaluationForm extends IResource, connectRefs.IEvaluationFormRef {
  /**
   * The ARN of the evaluation form.
   *
   * @attribute
   */
  readonly evaluationFormArn: string;

  /**
   * The id of the evaluation form.
   *
   * @attribute
   */
  readonly evaluationFormId: string;

  /**
   * The ARN of the instance the evaluation form belongs to.
   */
  readonly instanceArn: string;
}

abstract class EvaluationFormBase extends Resource implements IEvaluationForm {
  public abstract readonly evaluationFormArn: string;
  public abstract readonly evaluationFormId: string;
  public abstract readonly instanceArn: string;

  public get evaluationFormRef(): connectRefs.EvaluationFormReference {
    return { evaluationFormArn: this.evaluationFormArn };
  }
}

/**
 * Whether evaluators can use an evaluation form.
 */
export enum EvaluationFormStatus {
  /** The form is a draft: evaluators cannot choose it yet. */
  DRAFT = 'DRAFT',
  /** The form is active: evaluators can use it to evaluate contacts. */
  ACTIVE = 'ACTIVE',
}

/**
 * What carries the weights of an evaluation form's score.
 */
export enum EvaluationFormScoringMode {
  /**
   * Questions are weighted ("weight by question"): every single-select and numeric question has a weight, and
   * the weights of all of them add up to 100. Sections have no weights.
   */
  QUESTION_ONLY = 'QUESTION_ONLY',
  /**
   * Sections are weighted ("weight by section"): every section of the form has a weight, and the weights add up
   * to 100; the questions of a section share its weight evenly. Questions have no weights.
   */
  SECTION_ONLY = 'SECTION_ONLY',
}

/**
 * Whether an evaluation form is scored.
 */
export enum EvaluationFormScoringStatus {
  /** The form is scored. */
  ENABLED = 'ENABLED',
  /** The form is not scored. */
  DISABLED = 'DISABLED',
}

/**
 * How an evaluation form is scored.
 */
export interface EvaluationFormScoringStrategy {
  /**
   * What carries the weights: the questions or the sections.
   */
  readonly mode: EvaluationFormScoringMode;

  /**
   * Whether scoring is enabled. Weights are only allowed while it is.
   *
   * @default EvaluationFormScoringStatus.ENABLED
   */
  readonly status?: EvaluationFormScoringStatus;
}

/**
 * The language of an evaluation form.
 */
export class EvaluationFormLanguage {
  /** German (Germany). */
  public static readonly DE_DE = new EvaluationFormLanguage('de-DE');
  /** English (United States). */
  public static readonly EN_US = new EvaluationFormLanguage('en-US');
  /** Spanish (Spain). */
  public static readonly ES_ES = new EvaluationFormLanguage('es-ES');
  /** French (France). */
  public static readonly FR_FR = new EvaluationFormLanguage('fr-FR');
  /** Italian (Italy). */
  public static readonly IT_IT = new EvaluationFormLanguage('it-IT');
  /** Portuguese (Brazil). */
  public static readonly PT_BR = new EvaluationFormLanguage('pt-BR');

  /**
   * A language this class has no constant for yet, by its code (such as `ja-JP`).
   *
   * @param code the language code, `xx-YY`
   */
  public static of(code: string): EvaluationFormLanguage {
    return new EvaluationFormLanguage(code);
  }

  /**
   * The language code, such as `en-US`.
   */
  public readonly code: string;

  private constructor(code: string) {
    this.code = code;
  }
}

/**
 * What an evaluation form evaluates: the agent's part of a contact or an automated interaction.
 */
export class EvaluationFormTarget {
  /** The form evaluates agents' interactions with customers. */
  public static readonly AGENT = new EvaluationFormTarget('AGENT');
  /** The form evaluates automated interactions (bots, AI agents). */
  public static readonly AUTOMATED = new EvaluationFormTarget('AUTOMATED');

  /**
   * A contact interaction type this class has no constant for yet.
   *
   * @param contactInteractionType the type as Amazon Connect names it
   */
  public static of(contactInteractionType: string): EvaluationFormTarget {
    return new EvaluationFormTarget(contactInteractionType);
  }

  /**
   * The contact interaction type, such as `AGENT`.
   */
  public readonly contactInteractionType: string;

  private constructor(contactInteractionType: string) {
    this.contactInteractionType = contactInteractionType;
  }
}

/**
 * The kind of answer a question takes.
 */
export enum EvaluationFormQuestionType {
  /** One of a list of options. */
  SINGLE_SELECT = 'SINGLESELECT',
  /** Any number of a list of options. */
  MULTI_SELECT = 'MULTISELECT',
  /** A whole number within a range. */
  NUMERIC = 'NUMERIC',
  /** Free text. */
  TEXT = 'TEXT',
  /** A date and time. */
  DATE_TIME = 'DATETIME',
}

/**
 * How a single-select question shows its options.
 */
export enum EvaluationFormSingleSelectDisplay {
  /** A dropdown list. */
  DROPDOWN = 'DROPDOWN',
  /** Radio buttons. */
  RADIO = 'RADIO',
}

/**
 * How a multi-select question shows its options.
 */
export enum EvaluationFormMultiSelectDisplay {
  /** A dropdown list. */
  DROPDOWN = 'DROPDOWN',
  /** Checkboxes. */
  CHECKBOX = 'CHECKBOX',
}

/**
 * Where an automated answer comes from.
 */
export enum EvaluationFormAnswerSource {
  /** Contact Lens conversational analytics data. */
  CONTACT_LENS_DATA = 'CONTACT_LENS_DATA',
  /** Generative AI. */
  GEN_AI = 'GEN_AI',
}

/**
 * When a Contact Lens rule category chooses an answer.
 */
export enum EvaluationFormRuleCondition {
  /** When the contact matched the category. */
  PRESENT = 'PRESENT',
  /** When the contact did not match the category. */
  NOT_PRESENT = 'NOT_PRESENT',
}

/**
 * What happens to a question when its enablement condition holds.
 */
export enum EvaluationFormEnablementAction {
  /** The question is enabled. */
  ENABLE = 'ENABLE',
  /** The question is disabled. */
  DISABLE = 'DISABLE',
}

/**
 * How the conditions of a question's enablement combine.
 */
export enum EvaluationFormConditionOperator {
  /** All conditions must hold. */
  AND = 'AND',
  /** One condition must hold. */
  OR = 'OR',
}

/**
 * How a condition compares the answer of a question with a list of its options.
 */
export enum EvaluationFormConditionComparator {
  /** The answer is one of the options. */
  IN = 'IN',
  /** The answer is none of the options. */
  NOT_IN = 'NOT_IN',
  /** The answer includes all of the options (multi-select questions). */
  ALL_IN = 'ALL_IN',
  /** The answer is exactly the options. */
  EXACT = 'EXACT',
}

/** The range of answers each metric allows (from the Connect API reference). */
const METRIC_RANGES: { [label: string]: [number, number] } = {};

/**
 * A contact metric from Contact Lens that answers a numeric question automatically.
 *
 * The question's range must lie within the metric's: sentiment scores from -5 to 5, durations (in seconds) from 0
 * to 63,072,000, percentages from 0 to 100, the number of interruptions from 0 to 1,000.
 */
export class EvaluationFormNumericMetric {
  /** The customer's overall sentiment score (-5 to 5). */
  public static readonly OVERALL_CUSTOMER_SENTIMENT_SCORE = EvaluationFormNumericMetric.known('OVERALL_CUSTOMER_SENTIMENT_SCORE', -5, 5);
  /** The agent's overall sentiment score (-5 to 5). */
  public static readonly OVERALL_AGENT_SENTIMENT_SCORE = EvaluationFormNumericMetric.known('OVERALL_AGENT_SENTIMENT_SCORE', -5, 5);
  /** The customer's sentiment score while not talking with the agent (-5 to 5). */
  public static readonly CUSTOMER_SENTIMENT_SCORE_WITHOUT_AGENT = EvaluationFormNumericMetric.known('CUSTOMER_SENTIMENT_SCORE_WITHOUT_AGENT', -5, 5);
  /** The customer's sentiment score while talking with the agent (-5 to 5). */
  public static readonly CUSTOMER_SENTIMENT_SCORE_WITH_AGENT = EvaluationFormNumericMetric.known('CUSTOMER_SENTIMENT_SCORE_WITH_AGENT', -5, 5);
  /** The time nobody talked, in seconds. */
  public static readonly NON_TALK_TIME = EvaluationFormNumericMetric.known('NON_TALK_TIME', 0, 63072000);
  /** The share of the contact nobody talked, in percent. */
  public static readonly NON_TALK_TIME_PERCENTAGE = EvaluationFormNumericMetric.known('NON_TALK_TIME_PERCENTAGE', 0, 100);
  /** How often the agent interrupted the customer (0 to 1,000). */
  public static readonly NUMBER_OF_INTERRUPTIONS = EvaluationFormNumericMetric.known('NUMBER_OF_INTERRUPTIONS', 0, 1000);
  /** The duration of the contact, in seconds. */
  public static readonly CONTACT_DURATION = EvaluationFormNumericMetric.known('CONTACT_DURATION', 0, 63072000);
  /** The time the agent interacted with the customer, in seconds. */
  public static readonly AGENT_INTERACTION_DURATION = EvaluationFormNumericMetric.known('AGENT_INTERACTION_DURATION', 0, 63072000);
  /** The time the customer was on hold, in seconds. */
  public static readonly CUSTOMER_HOLD_TIME = EvaluationFormNumericMetric.known('CUSTOMER_HOLD_TIME', 0, 63072000);
  /** The longest hold, in seconds. */
  public static readonly LONGEST_HOLD_DURATION = EvaluationFormNumericMetric.known('LONGEST_HOLD_DURATION', 0, 63072000);
  /** How often the customer was put on hold. */
  public static readonly NUMBER_OF_HOLDS = new EvaluationFormNumericMetric('NUMBER_OF_HOLDS');
  /** The time the agent interacted with the customer or held them, in seconds. */
  public static readonly AGENT_INTERACTION_AND_HOLD_DURATION = EvaluationFormNumericMetric.known('AGENT_INTERACTION_AND_HOLD_DURATION', 0, 63072000);

  /**
   * A metric this class has no constant for yet, by its label.
   *
   * @param label the label as Amazon Connect names it, such as `CONTACT_DURATION`
   */
  public static of(label: string): EvaluationFormNumericMetric {
    return new EvaluationFormNumericMetric(label);
  }

  private static known(label: string, min: number, max: number): EvaluationFormNumericMetric {
    METRIC_RANGES[label] = [min, max];
    return new EvaluationFormNumericMetric(label);
  }

  /**
   * The metric's label, such as `CONTACT_DURATION`.
   */
  public readonly label: string;

  private constructor(label: string) {
    this.label = label;
  }
}

/**
 * How a numeric question is answered automatically.
 */
export class EvaluationFormNumericAutomation {
  /**
   * Answers the question with a Contact Lens metric of the contact.
   *
   * @param metric the metric
   */
  public static fromMetric(metric: EvaluationFormNumericMetric): EvaluationFormNumericAutomation {
    return new EvaluationFormNumericAutomation(metric, undefined);
  }

  /**
   * Answers the question from an answer source, such as generative AI.
   *
   * @param answerSource where the answer comes from
   */
  public static fromAnswerSource(answerSource: EvaluationFormAnswerSource): EvaluationFormNumericAutomation {
    return new EvaluationFormNumericAutomation(undefined, answerSource);
  }

  /**
   * The metric that answers the question, if any.
   */
  public readonly metric?: EvaluationFormNumericMetric;

  /**
   * The answer source that answers the question, if any.
   */
  public readonly answerSource?: EvaluationFormAnswerSource;

  private constructor(metric: EvaluationFormNumericMetric | undefined, answerSource: EvaluationFormAnswerSource | undefined) {
    this.metric = metric;
    this.answerSource = answerSource;
  }
}

/**
 * A condition on the answer of a single-select or multi-select question, for the enablement of another question.
 */
export class EvaluationFormCondition {
  /**
   * Holds when the answer is one of the given options.
   *
   * @param question a single-select or multi-select question of the same form
   * @param options the texts of its options
   */
  public static answerIn(question: EvaluationFormQuestion, options: string[]): EvaluationFormCondition {
    return new EvaluationFormCondition(question, EvaluationFormConditionComparator.IN, options);
  }

  /**
   * Holds when the answer is none of the given options.
   *
   * @param question a single-select or multi-select question of the same form
   * @param options the texts of its options
   */
  public static answerNotIn(question: EvaluationFormQuestion, options: string[]): EvaluationFormCondition {
    return new EvaluationFormCondition(question, EvaluationFormConditionComparator.NOT_IN, options);
  }

  /**
   * Holds when the answer compares with the given options as the comparator says.
   *
   * @param question a single-select or multi-select question of the same form
   * @param comparator how the answer is compared with the options
   * @param options the texts of its options
   */
  public static answerMatches(
    question: EvaluationFormQuestion,
    comparator: EvaluationFormConditionComparator,
    options: string[],
  ): EvaluationFormCondition {
    return new EvaluationFormCondition(question, comparator, options);
  }

  /**
   * The question whose answer the condition looks at.
   */
  public readonly question: EvaluationFormQuestion;

  /**
   * How the answer is compared with the options.
   */
  public readonly comparator: EvaluationFormConditionComparator;

  /**
   * The texts of the options the answer is compared with.
   */
  public readonly options: string[];

  private constructor(question: EvaluationFormQuestion, comparator: EvaluationFormConditionComparator, options: string[]) {
    this.question = question;
    this.comparator = comparator;
    this.options = [...options];
  }
}

/**
 * When a question is enabled: conditions on the answers of other questions ("conditional questions").
 */
export interface EvaluationFormQuestionEnablement {
  /**
   * The conditions (at least one).
   */
  readonly conditions: EvaluationFormCondition[];

  /**
   * How the conditions combine.
   *
   * @default EvaluationFormConditionOperator.AND when there is more than one condition
   */
  readonly operator?: EvaluationFormConditionOperator;

  /**
   * What happens to the question when the conditions hold.
   *
   * @default EvaluationFormEnablementAction.ENABLE
   */
  readonly action?: EvaluationFormEnablementAction;

  /**
   * What happens to the question when the conditions do not hold.
   *
   * @default - the opposite of `action`
   */
  readonly defaultAction?: EvaluationFormEnablementAction;
}

/**
 * What every question takes.
 */
export interface EvaluationFormQuestionBaseProps {
  /**
   * The question as evaluators see it (1 to 350 characters).
   */
  readonly title: string;

  /**
   * The question's reference id (1 to 40 letters, digits, `.`, `_` or `-`), unique within the form. Evaluation
   * results name questions by it.
   *
   * @default - made from the title, such as `did-the-agent-greet-the-customer`; a later item with the same title
   * gets `-2`, `-3`, ...
   */
  readonly refId?: string;

  /**
   * Instructions for evaluators (at most 1,024 characters), such as what a good answer looks like.
   *
   * @default - no instructions
   */
  readonly instructions?: string;

  /**
   * The question's weight in the score, from 0 to 100. Only single-select and numeric questions are scored, and
   * only with `EvaluationFormScoringMode.QUESTION_ONLY`, where they all need one.
   *
   * @default - no weight
   */
  readonly weight?: number;

  /**
   * Whether evaluators can answer "Not applicable".
   *
   * @default false
   */
  readonly notApplicableEnabled?: boolean;

  /**
   * Conditions on the answers of other questions that enable or disable this one.
   *
   * @default - the question is always enabled
   */
  readonly enablement?: EvaluationFormQuestionEnablement;
}

/**
 * An answer option of a single-select question.
 */
export interface EvaluationFormAnswerOption {
  /**
   * The option as evaluators see it (1 to 128 characters), unique within the question.
   */
  readonly text: string;

  /**
   * The option's reference id (1 to 40 letters, digits, `.`, `_` or `-`), unique within the question.
   *
   * @default - the question's reference id and the text, such as `greeting.yes`
   */
  readonly refId?: string;

  /**
   * The score this answer earns, from 0 to 10.
   *
   * @default - no score
   */
  readonly score?: number;

  /**
   * Whether this answer fails the evaluation: the overall score becomes 0 (or the score of
   * `automaticFailSection`).
   *
   * @default - true when `automaticFailSection` is given, false otherwise
   */
  readonly automaticFail?: boolean;

  /**
   * The section this answer fails, instead of the whole evaluation. It must be a section of the same form.
   *
   * @default - the answer fails the whole evaluation (when `automaticFail` is true)
   */
  readonly automaticFailSection?: EvaluationFormSection;
}

/**
 * A Contact Lens rule category that chooses the answer of a single-select question.
 */
export interface EvaluationFormSingleSelectRule {
  /**
   * The name of the rule category (1 to 50 characters), as defined in Contact Lens rules.
   */
  readonly category: string;

  /**
   * The text of the option chosen when the rule applies.
   */
  readonly option: string;

  /**
   * Whether the rule applies when the contact matched the category, or when it did not.
   *
   * @default EvaluationFormRuleCondition.PRESENT
   */
  readonly condition?: EvaluationFormRuleCondition;
}

/**
 * How a single-select question is answered automatically. Rules are tried in order; the first that applies
 * chooses the answer.
 */
export interface EvaluationFormSingleSelectAutomation {
  /**
   * The rules (1 to 20).
   */
  readonly rules: EvaluationFormSingleSelectRule[];

  /**
   * The text of the option chosen when no rule applies.
   *
   * @default - no answer when no rule applies
   */
  readonly defaultOption?: string;

  /**
   * Where the automated answer comes from.
   *
   * @default - Amazon Connect's default
   */
  readonly answerSource?: EvaluationFormAnswerSource;
}

/**
 * Properties of a single-select question.
 */
export interface EvaluationFormSingleSelectQuestionProps extends EvaluationFormQuestionBaseProps {
  /**
   * The answer options (2 to 256), with their scores.
   */
  readonly options: EvaluationFormAnswerOption[];

  /**
   * How the options are shown.
   *
   * @default - Amazon Connect's default
   */
  readonly displayAs?: EvaluationFormSingleSelectDisplay;

  /**
   * How the question is answered automatically.
   *
   * @default - evaluators answer it
   */
  readonly automation?: EvaluationFormSingleSelectAutomation;
}

/**
 * An answer option of a multi-select question.
 */
export interface EvaluationFormMultiSelectOption {
  /**
   * The option as evaluators see it (1 to 128 characters), unique within the question.
   */
  readonly text: string;

  /**
   * The option's reference id (1 to 40 letters, digits, `.`, `_` or `-`), unique within the question.
   *
   * @default - the question's reference id and the text
   */
  readonly refId?: string;
}

/**
 * A Contact Lens rule category that chooses answers of a multi-select question.
 */
export interface EvaluationFormMultiSelectRule {
  /**
   * The name of the rule category (1 to 50 characters), as defined in Contact Lens rules.
   */
  readonly category: string;

  /**
   * The texts of the options chosen when the rule applies (at least one).
   */
  readonly options: string[];

  /**
   * Whether the rule applies when the contact matched the category, or when it did not.
   *
   * @default EvaluationFormRuleCondition.PRESENT
   */
  readonly condition?: EvaluationFormRuleCondition;
}

/**
 * How a multi-select question is answered automatically.
 */
export interface EvaluationFormMultiSelectAutomation {
  /**
   * The rules (1 to 20).
   */
  readonly rules: EvaluationFormMultiSelectRule[];

  /**
   * The texts of the options chosen when no rule applies.
   *
   * @default - no answer when no rule applies
   */
  readonly defaultOptions?: string[];

  /**
   * Where the automated answer comes from.
   *
   * @default - Amazon Connect's default
   */
  readonly answerSource?: EvaluationFormAnswerSource;
}

/**
 * Properties of a multi-select question. Multi-select questions are not scored.
 */
export interface EvaluationFormMultiSelectQuestionProps extends EvaluationFormQuestionBaseProps {
  /**
   * The answer options (2 to 256).
   */
  readonly options: EvaluationFormMultiSelectOption[];

  /**
   * How the options are shown.
   *
   * @default - Amazon Connect's default
   */
  readonly displayAs?: EvaluationFormMultiSelectDisplay;

  /**
   * How the question is answered automatically.
   *
   * @default - evaluators answer it
   */
  readonly automation?: EvaluationFormMultiSelectAutomation;
}

/**
 * A range of answers of a numeric question and the score it earns.
 */
export interface EvaluationFormScoreRange {
  /**
   * The lowest answer in the range (a whole number).
   */
  readonly minValue: number;

  /**
   * The highest answer in the range (a whole number).
   */
  readonly maxValue: number;

  /**
   * The score answers in the range earn, from 0 to 10.
   *
   * @default - no score
   */
  readonly score?: number;

  /**
   * Whether answers in the range fail the evaluation: the overall score becomes 0 (or the score of
   * `automaticFailSection`).
   *
   * @default - true when `automaticFailSection` is given, false otherwise
   */
  readonly automaticFail?: boolean;

  /**
   * The section answers in the range fail, instead of the whole evaluation. It must be a section of the same form.
   *
   * @default - the answers fail the whole evaluation (when `automaticFail` is true)
   */
  readonly automaticFailSection?: EvaluationFormSection;
}

/**
 * Properties of a numeric question.
 */
export interface EvaluationFormNumericQuestionProps extends EvaluationFormQuestionBaseProps {
  /**
   * The lowest answer (a whole number), less than `maxValue`.
   */
  readonly minValue: number;

  /**
   * The highest answer (a whole number).
   */
  readonly maxValue: number;

  /**
   * Ranges of answers and their scores (1 to 10). They lie within `minValue` to `maxValue` and do not overlap.
   *
   * @default - no scores
   */
  readonly scoreRanges?: EvaluationFormScoreRange[];

  /**
   * How the question is answered automatically.
   *
   * @default - evaluators answer it
   */
  readonly automation?: EvaluationFormNumericAutomation;
}

/**
 * Properties of a text question. Text questions are not scored.
 */
export interface EvaluationFormTextQuestionProps extends EvaluationFormQuestionBaseProps {
  /**
   * Where an automated answer comes from, such as generative AI.
   *
   * @default - evaluators answer it
   */
  readonly answerSource?: EvaluationFormAnswerSource;
}

/**
 * Properties of a section of an evaluation form.
 */
export interface EvaluationFormSectionProps {
  /**
   * The section's title (1 to 128 characters).
   */
  readonly title: string;

  /**
   * The section's reference id (1 to 40 letters, digits, `.`, `_` or `-`), unique within the form.
   *
   * @default - made from the title, such as `greeting`; a later item with the same title gets `-2`, `-3`, ...
   */
  readonly refId?: string;

  /**
   * Instructions for evaluators (at most 1,024 characters).
   *
   * @default - no instructions
   */
  readonly instructions?: string;

  /**
   * The section's weight in the score, from 0 to 100. Only with `EvaluationFormScoringMode.SECTION_ONLY`, where
   * every section of the form needs one and they add up to 100; subsections may have weights too, which then add
   * up to 100 within their section.
   *
   * @default - no weight
   */
  readonly weight?: number;

  /**
   * The questions and subsections of the section (1 to 100). Subsections hold questions only: a form nests two
   * levels deep.
   */
  readonly items: EvaluationFormItem[];
}

/**
 * An item of an evaluation form section: a question or a subsection.
 */
export abstract class EvaluationFormItem {
  /**
   * The title of the item.
   */
  public readonly title: string;

  /**
   * The reference id chosen for the item, if any (otherwise one is made from the title).
   */
  public readonly refId?: string;

  /**
   * Instructions for evaluators, if any.
   */
  public readonly instructions?: string;

  /**
   * The item's weight in the score, if any.
   */
  public readonly weight?: number;

  protected constructor(title: string, refId?: string, instructions?: string, weight?: number) {
    this.title = title;
    this.refId = refId;
    this.instructions = instructions;
    this.weight = weight;
  }
}

/**
 * A section of an evaluation form: a titled group of questions and subsections.
 *
 * ```ts
 * EvaluationFormSection.of({
 *   title: 'Greeting',
 *   weight: 40,
 *   items: [EvaluationFormQuestion.singleSelect({ title: 'Did the agent greet the customer?', options: [...] })],
 * });
 * ```
 */
export class EvaluationFormSection extends EvaluationFormItem {
  /**
   * Creates a section.
   *
   * @param props the section's title, items and more
   */
  public static of(props: EvaluationFormSectionProps): EvaluationFormSection {
    return new EvaluationFormSection(props);
  }

  /**
   * The questions and subsections of the section.
   */
  public readonly items: EvaluationFormItem[];

  private constructor(props: EvaluationFormSectionProps) {
    super(props.title, props.refId, props.instructions, props.weight);
    this.items = [...props.items];
  }
}

/** The type-specific part of a question (kept out of the public API). */
type QuestionSpec =
  | { readonly type: EvaluationFormQuestionType.SINGLE_SELECT; readonly props: EvaluationFormSingleSelectQuestionProps }
  | { readonly type: EvaluationFormQuestionType.MULTI_SELECT; readonly props: EvaluationFormMultiSelectQuestionProps }
  | { readonly type: EvaluationFormQuestionType.NUMERIC; readonly props: EvaluationFormNumericQuestionProps }
  | { readonly type: EvaluationFormQuestionType.TEXT; readonly props: EvaluationFormTextQuestionProps }
  | { readonly type: EvaluationFormQuestionType.DATE_TIME; readonly props: EvaluationFormQuestionBaseProps };

/** The type-specific part of each question. */
const QUESTION_SPECS = new WeakMap<EvaluationFormItem, QuestionSpec>();

function specOf(question: EvaluationFormQuestion): QuestionSpec {
  return QUESTION_SPECS.get(question)!;
}

/**
 * A question of an evaluation form. Create questions with the static methods, one per question type.
 *
 * ```ts
 * EvaluationFormQuestion.singleSelect({
 *   title: 'Did the agent greet the customer by name?',
 *   options: [{ text: 'Yes', score: 10 }, { text: 'No', score: 0 }],
 * });
 * EvaluationFormQuestion.numeric({
 *   title: 'How often did the agent interrupt the customer?',
 *   minValue: 0,
 *   maxValue: 10,
 *   scoreRanges: [{ minValue: 0, maxValue: 0, score: 10 }, { minValue: 1, maxValue: 10, score: 2 }],
 * });
 * ```
 */
export class EvaluationFormQuestion extends EvaluationFormItem {
  /**
   * A question answered with one of a list of options, each with a score.
   *
   * @param props the question's title, options and more
   */
  public static singleSelect(props: EvaluationFormSingleSelectQuestionProps): EvaluationFormQuestion {
    return new EvaluationFormQuestion({ type: EvaluationFormQuestionType.SINGLE_SELECT, props });
  }

  /**
   * A question answered with any number of a list of options. Multi-select questions are not scored.
   *
   * @param props the question's title, options and more
   */
  public static multiSelect(props: EvaluationFormMultiSelectQuestionProps): EvaluationFormQuestion {
    return new EvaluationFormQuestion({ type: EvaluationFormQuestionType.MULTI_SELECT, props });
  }

  /**
   * A question answered with a whole number, scored by ranges.
   *
   * @param props the question's title, range, score ranges and more
   */
  public static numeric(props: EvaluationFormNumericQuestionProps): EvaluationFormQuestion {
    return new EvaluationFormQuestion({ type: EvaluationFormQuestionType.NUMERIC, props });
  }

  /**
   * A question answered with free text. Text questions are not scored.
   *
   * @param props the question's title and more
   */
  public static text(props: EvaluationFormTextQuestionProps): EvaluationFormQuestion {
    return new EvaluationFormQuestion({ type: EvaluationFormQuestionType.TEXT, props });
  }

  /**
   * A question answered with a date and time. Date and time questions are not scored.
   *
   * @param props the question's title and more
   */
  public static dateTime(props: EvaluationFormQuestionBaseProps): EvaluationFormQuestion {
    return new EvaluationFormQuestion({ type: EvaluationFormQuestionType.DATE_TIME, props });
  }

  /**
   * The kind of answer the question takes.
   */
  public readonly questionType: EvaluationFormQuestionType;

  /**
   * Whether evaluators can answer "Not applicable".
   */
  public readonly notApplicableEnabled: boolean;

  private constructor(spec: QuestionSpec) {
    super(spec.props.title, spec.props.refId, spec.props.instructions, spec.props.weight);
    this.questionType = spec.type;
    this.notApplicableEnabled = spec.props.notApplicableEnabled ?? false;
    QUESTION_SPECS.set(this, spec);
  }
}

/**
 * Properties of an `EvaluationForm`.
 */
export interface EvaluationFormProps {
  /**
   * The instance the evaluation form belongs to.
   */
  readonly instance: IInstance;

  /**
   * The title of the form (1 to 128 characters), as evaluators see it.
   */
  readonly title: string;

  /**
   * A description of the form (1 to 1,024 characters).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether evaluators can use the form. Activating a form makes it the version evaluators choose.
   *
   * @default EvaluationFormStatus.DRAFT
   */
  readonly status?: EvaluationFormStatus;

  /**
   * How the form is scored. Weights of sections and questions are only allowed in a scored form.
   *
   * @default - the form is not scored
   */
  readonly scoringStrategy?: EvaluationFormScoringStrategy;

  /**
   * The sections of the form (1 to 100 in all, subsections included; at most 100 questions). More can be added
   * with `addSection()`.
   *
   * @default - none: add at least one with `addSection()`
   */
  readonly sections?: EvaluationFormSection[];

  /**
   * Whether Contact Lens evaluates contacts with the form automatically, using the automation of its questions.
   *
   * @default - no automated evaluations
   */
  readonly autoEvaluationEnabled?: boolean;

  /**
   * The language of the form.
   *
   * @default - Amazon Connect's default
   */
  readonly language?: EvaluationFormLanguage;

  /**
   * What the form evaluates: the agent's part of contacts or automated interactions.
   *
   * @default - Amazon Connect's default (agent interactions)
   */
  readonly target?: EvaluationFormTarget;
}

const MAX_FORM_TITLE_LENGTH = 128;
const MAX_SECTION_TITLE_LENGTH = 128;
const MAX_QUESTION_TITLE_LENGTH = 350;
const MAX_TEXT_LENGTH = 1024;
const MAX_OPTION_TEXT_LENGTH = 128;
const MAX_CATEGORY_LENGTH = 50;
const MAX_SECTIONS = 100;
const MAX_QUESTIONS = 100;
const MAX_ITEMS = 100;
const MIN_OPTIONS = 2;
const MAX_OPTIONS = 256;
const MAX_SCORE_RANGES = 10;
const MAX_AUTOMATION_RULES = 20;
const MAX_SCORE = 10;
const MAX_WEIGHT = 100;
/** Weights are doubles; sums within this of 100 count as 100. */
const WEIGHT_TOLERANCE = 1e-6;
const LANGUAGE_CODE = /^[a-z]{2}-[A-Z]{2}$/;
/** The longest part of a generated option reference id taken from the option's text. */
const MAX_OPTION_SLUG_LENGTH = 16;

/** The reference ids of a form's items and options. */
interface RefIds {
  readonly items: Map<EvaluationFormItem, string>;
  /** The reference ids of each question's options, in the order of its options. */
  readonly options: Map<EvaluationFormQuestion, string[]>;
}

/**
 * An Amazon Connect evaluation form: sections of questions that evaluators (or Contact Lens, automatically) answer
 * to assess how agents handled contacts, with scores, weights and automatic fails.
 *
 * ```ts
 * new EvaluationForm(this, 'Quality', {
 *   instance,
 *   title: 'Call quality',
 *   status: EvaluationFormStatus.ACTIVE,
 *   scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
 *   sections: [
 *     EvaluationFormSection.of({ title: 'Greeting', weight: 100, items: [...] }),
 *   ],
 * });
 * ```
 *
 * Reference ids of sections, questions and options are made from their titles unless given. Synth fails on
 * anything Amazon Connect would reject: lengths, counts, nesting, scores, numeric ranges, duplicate options or
 * reference ids, and weights that do not add up to 100 as the scoring mode requires.
 *
 * @resource AWS::Connect::EvaluationForm
 */
export class EvaluationForm extends EvaluationFormBase {
  /**
   * Imports an evaluation form by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/evaluation-form/<id>`).
   */
  public static fromEvaluationFormArn(scope: Construct, id: string, evaluationFormArn: string): IEvaluationForm {
    class Import extends EvaluationFormBase {
      public readonly evaluationFormArn = evaluationFormArn;
      public readonly evaluationFormId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(evaluationFormArn) });
        const parts = parseInstanceResourceArn(this, evaluationFormArn, 'evaluation-form', 'evaluation form');
        this.evaluationFormId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the evaluation form.
   *
   * @attribute
   */
  public readonly evaluationFormArn: string;

  /**
   * The id of the evaluation form.
   *
   * @attribute
   */
  public get evaluationFormId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._evaluationFormId ?? (this._evaluationFormId = resourceIdOfArn(this, this.evaluationFormArn, 'evaluation-form', 'evaluation form'));
  }

  private _evaluationFormId?: string;

  /**
   * The ARN of the instance the evaluation form belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The title of the evaluation form.
   */
  public readonly title: string;

  /** The scoring mode when scoring is enabled. */
  private readonly scoringMode?: EvaluationFormScoringMode;
  private readonly sections: EvaluationFormSection[] = [];
  /** Every section and question of the form, to refuse the same one twice. */
  private readonly members = new Set<EvaluationFormItem>();

  constructor(scope: Construct, id: string, props: EvaluationFormProps) {
    super(scope, id);

    validateLength(this, 'title', props.title, 1, MAX_FORM_TITLE_LENGTH);
    validateDescription(this, props.description, MAX_TEXT_LENGTH);
    if (props.language) {
      validatePattern(this, 'language', props.language.code, LANGUAGE_CODE, 'a language code such as en-US');
    }
    const scoring = props.scoringStrategy;
    if (scoring && (scoring.status ?? EvaluationFormScoringStatus.ENABLED) === EvaluationFormScoringStatus.ENABLED) {
      this.scoringMode = scoring.mode;
    }

    for (const section of props.sections ?? []) {
      this.addSection(section);
    }

    this.node.addValidation({ validate: () => this.validateForm() });

    const resource = new CfnEvaluationForm(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      title: props.title,
      description: props.description,
      status: props.status ?? EvaluationFormStatus.DRAFT,
      scoringStrategy: scoring ? {
        mode: scoring.mode,
        status: scoring.status ?? EvaluationFormScoringStatus.ENABLED,
      } : undefined,
      items: Lazy.any({ produce: () => this.renderItems() }, { omitEmptyArray: false }),
      autoEvaluationConfiguration: props.autoEvaluationEnabled !== undefined ? { enabled: props.autoEvaluationEnabled } : undefined,
      languageConfiguration: props.language ? { formLanguage: props.language.code } : undefined,
      targetConfiguration: props.target ? { contactInteractionType: props.target.contactInteractionType } : undefined,
    });
    fixLogicalIdAtSynthesis(resource);

    this.evaluationFormArn = resource.attrEvaluationFormArn;
    this.instanceArn = props.instance.instanceArn;
    this.title = props.title;
  }

  /**
   * Adds sections at the end of the form. Each section, subsection and question can be part of the form once.
   *
   * @param sections the sections to add
   */
  public addSection(...sections: EvaluationFormSection[]): void {
    for (const section of sections) {
      if (!(section instanceof EvaluationFormSection)) {
        fail(this, 'the form holds sections only: create them with EvaluationFormSection.of');
      }
      this.checkSection(section, undefined);
      this.sections.push(section);
    }
  }

  /** Checks a section and its items on their own (rules that need the whole form wait for validateForm). */
  private checkSection(section: EvaluationFormSection, parent: EvaluationFormSection | undefined): void {
    this.claim(section);
    const where = labelOf(section);
    validateLength(this, `${where} title`, section.title, 1, MAX_SECTION_TITLE_LENGTH);
    validateLength(this, `${where} instructions`, section.instructions, 0, MAX_TEXT_LENGTH);
    this.checkRefId(where, section.refId);
    this.checkWeight(where, section.weight);
    if (section.weight !== undefined && this.scoringMode === EvaluationFormScoringMode.QUESTION_ONLY) {
      fail(this, `${where} has a weight, but with QUESTION_ONLY scoring only questions have weights`);
    }
    if (!parent && section.weight === undefined && this.scoringMode === EvaluationFormScoringMode.SECTION_ONLY) {
      fail(this, `${where} needs a weight: with SECTION_ONLY scoring the weights of the form's sections must add up to 100`);
    }
    validateCount(this, `${where} items`, section.items, 1, MAX_ITEMS);

    for (const item of section.items) {
      if (item instanceof EvaluationFormSection) {
        if (parent) {
          fail(this, `${labelOf(item)} is nested too deeply: sections hold subsections, subsections hold questions only`);
        }
        this.checkSection(item, section);
      } else if (item instanceof EvaluationFormQuestion) {
        this.checkQuestion(item);
      } else {
        fail(this, `${where} holds an item that is neither a section nor a question: create items with EvaluationFormSection.of and the EvaluationFormQuestion methods`);
      }
    }

    const subsections = section.items.filter((item): item is EvaluationFormSection => item instanceof EvaluationFormSection);
    const weighted = subsections.filter(subsection => subsection.weight !== undefined);
    if (weighted.length > 0) {
      if (weighted.length < subsections.length) {
        fail(this, `either all or none of the subsections of ${where} have weights, got ${weighted.length} of ${subsections.length}`);
      }
      const error = weightSumError(weighted.map(subsection => subsection.weight!), `the weights of the subsections of ${where}`);
      if (error) {
        fail(this, error);
      }
    }
  }

  private checkQuestion(question: EvaluationFormQuestion): void {
    this.claim(question);
    const where = labelOf(question);
    const spec = specOf(question);
    validateLength(this, `${where} title`, question.title, 1, MAX_QUESTION_TITLE_LENGTH);
    validateLength(this, `${where} instructions`, question.instructions, 0, MAX_TEXT_LENGTH);
    this.checkRefId(where, question.refId);
    this.checkWeight(where, question.weight);

    const scored = isScored(question);
    if (question.weight !== undefined) {
      if (!scored) {
        fail(this, `${where} has a weight, but ${typeName(question)} questions are not scored: only single-select and numeric questions have weights`);
      }
      if (this.scoringMode === EvaluationFormScoringMode.SECTION_ONLY) {
        fail(this, `${where} has a weight, but with SECTION_ONLY scoring only sections have weights (the questions of a section share its weight evenly)`);
      }
    }
    if (scored && question.weight === undefined && this.scoringMode === EvaluationFormScoringMode.QUESTION_ONLY) {
      fail(this, `${where} needs a weight: with QUESTION_ONLY scoring the weights of the single-select and numeric questions must add up to 100`);
    }

    switch (spec.type) {
      case EvaluationFormQuestionType.SINGLE_SELECT:
        this.checkSingleSelect(where, spec.props);
        break;
      case EvaluationFormQuestionType.MULTI_SELECT:
        this.checkMultiSelect(where, spec.props);
        break;
      case EvaluationFormQuestionType.NUMERIC:
        this.checkNumeric(where, spec.props);
        break;
      default:
        break;
    }
    if (spec.props.enablement) {
      this.checkEnablement(where, question, spec.props.enablement);
    }
  }

  private checkSingleSelect(where: string, props: EvaluationFormSingleSelectQuestionProps): void {
    validateCount(this, `${where} options`, props.options, MIN_OPTIONS, MAX_OPTIONS);
    for (const option of props.options) {
      const what = `${where} option ${quote(option.text)}`;
      validateLength(this, `${what} text`, option.text, 1, MAX_OPTION_TEXT_LENGTH);
      this.checkRefId(what, option.refId);
      validateIntegerRange(this, `${what} score`, option.score, 0, MAX_SCORE);
      this.checkAutomaticFail(what, option.automaticFail, option.automaticFailSection);
    }
    const texts = props.options.map(option => option.text);
    this.checkOptionsUnique(where, texts, props.options.map(option => option.refId));

    const automation = props.automation;
    if (automation) {
      validateCount(this, `${where} automation rules`, automation.rules, 1, MAX_AUTOMATION_RULES);
      for (const rule of automation.rules) {
        validateLength(this, `${where} automation rule category`, rule.category, 1, MAX_CATEGORY_LENGTH);
        this.checkOptionsExist(where, `automation rule for category ${quote(rule.category)}`, texts, [rule.option]);
      }
      if (automation.defaultOption !== undefined) {
        this.checkOptionsExist(where, 'automation defaultOption', texts, [automation.defaultOption]);
      }
    }
  }

  private checkMultiSelect(where: string, props: EvaluationFormMultiSelectQuestionProps): void {
    validateCount(this, `${where} options`, props.options, MIN_OPTIONS, MAX_OPTIONS);
    for (const option of props.options) {
      const what = `${where} option ${quote(option.text)}`;
      validateLength(this, `${what} text`, option.text, 1, MAX_OPTION_TEXT_LENGTH);
      this.checkRefId(what, option.refId);
    }
    const texts = props.options.map(option => option.text);
    this.checkOptionsUnique(where, texts, props.options.map(option => option.refId));

    const automation = props.automation;
    if (automation) {
      validateCount(this, `${where} automation rules`, automation.rules, 1, MAX_AUTOMATION_RULES);
      for (const rule of automation.rules) {
        const what = `automation rule for category ${quote(rule.category)}`;
        validateLength(this, `${where} automation rule category`, rule.category, 1, MAX_CATEGORY_LENGTH);
        if (rule.options.length === 0) {
          fail(this, `${where} ${what} must choose at least one option`);
        }
        this.checkOptionsExist(where, what, texts, rule.options);
      }
      if (automation.defaultOptions !== undefined) {
        this.checkOptionsExist(where, 'automation defaultOptions', texts, automation.defaultOptions);
      }
    }
  }

  private checkNumeric(where: string, props: EvaluationFormNumericQuestionProps): void {
    this.checkInteger(`${where} minValue`, props.minValue);
    this.checkInteger(`${where} maxValue`, props.maxValue);
    const concrete = !Token.isUnresolved(props.minValue) && !Token.isUnresolved(props.maxValue);
    if (concrete && props.minValue >= props.maxValue) {
      fail(this, `${where} minValue must be less than maxValue, got ${props.minValue} and ${props.maxValue}`);
    }

    const metric = props.automation?.metric;
    const metricRange = metric ? METRIC_RANGES[metric.label] : undefined;
    if (concrete && metricRange && (props.minValue < metricRange[0] || props.maxValue > metricRange[1])) {
      fail(this, `${where} minValue and maxValue must lie within ${metricRange[0]} to ${metricRange[1]} for the metric ${metric!.label}, `
        + `got ${props.minValue} to ${props.maxValue}`);
    }

    const ranges = props.scoreRanges;
    if (ranges === undefined) {
      return;
    }
    validateCount(this, `${where} scoreRanges`, ranges, 1, MAX_SCORE_RANGES);
    for (const range of ranges) {
      const what = `${where} score range ${range.minValue} to ${range.maxValue}`;
      this.checkInteger(`${what} minValue`, range.minValue);
      this.checkInteger(`${what} maxValue`, range.maxValue);
      validateIntegerRange(this, `${what} score`, range.score, 0, MAX_SCORE);
      this.checkAutomaticFail(what, range.automaticFail, range.automaticFailSection);
      if (Token.isUnresolved(range.minValue) || Token.isUnresolved(range.maxValue)) {
        continue;
      }
      if (range.minValue > range.maxValue) {
        fail(this, `${what}: minValue must not be greater than maxValue`);
      }
      if (concrete && (range.minValue < props.minValue || range.maxValue > props.maxValue)) {
        fail(this, `${what} must lie within the question's range ${props.minValue} to ${props.maxValue}`);
      }
    }
    const sorted = ranges
      .filter(range => !Token.isUnresolved(range.minValue) && !Token.isUnresolved(range.maxValue))
      .sort((a, b) => a.minValue - b.minValue);
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      const next = sorted[i];
      if (next.minValue <= previous.maxValue) {
        fail(this, `${where} score ranges ${previous.minValue} to ${previous.maxValue} and ${next.minValue} to ${next.maxValue} overlap`);
      }
    }
  }

  private checkEnablement(where: string, question: EvaluationFormQuestion, enablement: EvaluationFormQuestionEnablement): void {
    if (enablement.conditions.length === 0) {
      fail(this, `${where} enablement must have at least one condition`);
    }
    for (const condition of enablement.conditions) {
      const source = condition.question;
      if (source === question) {
        fail(this, `${where} enablement cannot depend on the question's own answer`);
      }
      if (source.questionType !== EvaluationFormQuestionType.SINGLE_SELECT && source.questionType !== EvaluationFormQuestionType.MULTI_SELECT) {
        fail(this, `${where} enablement can only depend on single-select or multi-select questions, got ${labelOf(source)}, a ${typeName(source)} question`);
      }
      if (condition.options.length === 0) {
        fail(this, `${where} enablement condition on ${labelOf(source)} must name at least one option`);
      }
      this.checkOptionsExist(where, `enablement condition on ${labelOf(source)}`, optionTexts(source), condition.options);
    }
  }

  /** Numbers must be whole (tokens are skipped). */
  private checkInteger(what: string, value: number): void {
    if (!Token.isUnresolved(value) && !Number.isInteger(value)) {
      fail(this, `${what} must be a whole number, got ${value}`);
    }
  }

  private checkRefId(where: string, refId: string | undefined): void {
    validatePattern(this, `${where} refId`, refId, REF_ID, `1 to ${MAX_REF_ID_LENGTH} letters, digits, '.', '_' or '-'`);
  }

  private checkWeight(where: string, weight: number | undefined): void {
    if (weight === undefined || Token.isUnresolved(weight)) {
      return;
    }
    if (!Number.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
      fail(this, `${where} weight must be from 0 to ${MAX_WEIGHT}, got ${weight}`);
    }
    if (this.scoringMode === undefined) {
      fail(this, `${where} has a weight, but the form is not scored: give a scoringStrategy with status ENABLED to use weights`);
    }
  }

  private checkAutomaticFail(what: string, automaticFail: boolean | undefined, section: EvaluationFormSection | undefined): void {
    if (section !== undefined && automaticFail === false) {
      fail(this, `${what} has an automaticFailSection, so automaticFail cannot be false`);
    }
    if (section !== undefined && !(section instanceof EvaluationFormSection)) {
      fail(this, `${what} automaticFailSection must be an EvaluationFormSection`);
    }
  }

  private checkOptionsUnique(where: string, texts: string[], refIds: Array<string | undefined>): void {
    validateUnique(this, `${where} option texts`, texts);
    validateUnique(this, `${where} option refIds`, refIds.filter((refId): refId is string => refId !== undefined));
  }

  private checkOptionsExist(where: string, what: string, texts: string[], wanted: string[]): void {
    if (texts.some(text => Token.isUnresolved(text))) {
      return;
    }
    for (const text of wanted) {
      if (!Token.isUnresolved(text) && !texts.includes(text)) {
        fail(this, `${where} ${what} names the option ${quote(text)}, which the question does not have; `
          + `its options are ${texts.map(quote).join(', ')}`);
      }
    }
  }

  /** Refuses a section or question that is already part of the form. */
  private claim(item: EvaluationFormItem): void {
    if (this.members.has(item)) {
      fail(this, `${labelOf(item)} appears more than once in the form: create a separate one for each place`);
    }
    this.members.add(item);
  }

  /** The rules that need the whole form, checked at synth time. */
  private validateForm(): string[] {
    const errors: string[] = [];
    const sections = this.allSections();
    const questions = this.allQuestions();
    if (this.sections.length === 0) {
      errors.push('an evaluation form needs at least one section: give sections or call addSection()');
    }
    if (this.sections.length > MAX_ITEMS) {
      errors.push(`an evaluation form has at most ${MAX_ITEMS} top-level sections, got ${this.sections.length}`);
    }
    if (sections.length > MAX_SECTIONS) {
      errors.push(`an evaluation form has at most ${MAX_SECTIONS} sections in all, subsections included, got ${sections.length}`);
    }
    if (questions.length > MAX_QUESTIONS) {
      errors.push(`an evaluation form has at most ${MAX_QUESTIONS} questions, got ${questions.length}`);
    }

    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const item of [...sections, ...questions]) {
      if (item.refId === undefined || Token.isUnresolved(item.refId)) {
        continue;
      }
      (seen.has(item.refId) ? duplicates : seen).add(item.refId);
    }
    for (const refId of duplicates) {
      errors.push(`refId '${refId}' is used by more than one section or question: reference ids must be unique within the form`);
    }

    if (this.scoringMode === EvaluationFormScoringMode.SECTION_ONLY && this.sections.length > 0) {
      const error = weightSumError(this.sections.map(section => section.weight ?? 0),
        'with SECTION_ONLY scoring the weights of the form\'s sections');
      if (error) {
        errors.push(error);
      }
    }
    if (this.scoringMode === EvaluationFormScoringMode.QUESTION_ONLY && this.sections.length > 0) {
      const error = weightSumError(questions.filter(isScored).map(question => question.weight ?? 0),
        'with QUESTION_ONLY scoring the weights of the single-select and numeric questions');
      if (error) {
        errors.push(error);
      }
    }

    const inForm = new Set<EvaluationFormItem>([...sections, ...questions]);
    for (const question of questions) {
      const where = labelOf(question);
      for (const target of automaticFailSections(question)) {
        if (!inForm.has(target)) {
          errors.push(`${where} fails ${labelOf(target)} automatically, but that section is not part of this form`);
        }
      }
      for (const condition of specOf(question).props.enablement?.conditions ?? []) {
        if (!inForm.has(condition.question)) {
          errors.push(`${where} enablement depends on ${labelOf(condition.question)}, which is not part of this form`);
        }
      }
    }
    return errors;
  }

  private allSections(): EvaluationFormSection[] {
    return this.sections.flatMap(section => [section, ...section.items.filter(isSection)]);
  }

  private allQuestions(): EvaluationFormQuestion[] {
    return this.allSections().flatMap(section => section.items.filter(isQuestion));
  }

  /**
   * Gives every section, question and option its reference id: the chosen ones first, then ids made from titles
   * in form order, so that the result only depends on the form.
   */
  private planRefIds(): RefIds {
    const allocator = new RefIdAllocator();
    const sections = this.allSections();
    const questions = this.allQuestions();
    for (const item of [...sections, ...questions]) {
      if (item.refId !== undefined) {
        allocator.reserve(item.refId);
      }
    }
    for (const question of questions) {
      for (const refId of optionRefIds(question)) {
        if (refId !== undefined) {
          allocator.reserve(refId);
        }
      }
    }

    const items = new Map<EvaluationFormItem, string>();
    const options = new Map<EvaluationFormQuestion, string[]>();
    const visit = (item: EvaluationFormItem): void => {
      if (item instanceof EvaluationFormSection) {
        items.set(item, item.refId ?? allocator.allocate(slugOf(item.title, MAX_REF_ID_LENGTH, 'section')));
        item.items.forEach(visit);
      } else if (item instanceof EvaluationFormQuestion) {
        const questionRefId = item.refId ?? allocator.allocate(slugOf(item.title, MAX_REF_ID_LENGTH, 'question'));
        items.set(item, questionRefId);
        const texts = optionTexts(item);
        options.set(item, optionRefIds(item).map((refId, i) => {
          if (refId !== undefined) {
            return refId;
          }
          const slug = slugOf(texts[i], MAX_OPTION_SLUG_LENGTH, 'option');
          return allocator.allocate(`${shorten(questionRefId, MAX_REF_ID_LENGTH - slug.length - 1)}.${slug}`);
        }));
      }
    };
    this.sections.forEach(visit);
    return { items, options };
  }

  private renderItems(): CfnEvaluationForm.EvaluationFormBaseItemProperty[] {
    const refIds = this.planRefIds();
    return this.sections.map(section => ({ section: this.renderSection(section, refIds) }));
  }

  private renderSection(section: EvaluationFormSection, refIds: RefIds): CfnEvaluationForm.EvaluationFormSectionProperty {
    return {
      refId: refIds.items.get(section)!,
      title: section.title,
      instructions: section.instructions,
      weight: section.weight,
      items: section.items.map(item => item instanceof EvaluationFormSection
        ? { section: this.renderSection(item, refIds) }
        : { question: this.renderQuestion(item as EvaluationFormQuestion, refIds) }),
    };
  }

  private renderQuestion(question: EvaluationFormQuestion, refIds: RefIds): CfnEvaluationForm.EvaluationFormQuestionProperty {
    const spec = specOf(question);
    return {
      refId: refIds.items.get(question)!,
      title: question.title,
      instructions: question.instructions,
      questionType: question.questionType,
      notApplicableEnabled: spec.props.notApplicableEnabled,
      weight: question.weight,
      questionTypeProperties: renderTypeProperties(question, refIds),
      enablement: spec.props.enablement ? renderEnablement(spec.props.enablement, refIds) : undefined,
    };
  }
}

function isSection(item: EvaluationFormItem): item is EvaluationFormSection {
  return item instanceof EvaluationFormSection;
}

function isQuestion(item: EvaluationFormItem): item is EvaluationFormQuestion {
  return item instanceof EvaluationFormQuestion;
}

/** Single-select and numeric questions earn scores; the other types do not. */
function isScored(question: EvaluationFormQuestion): boolean {
  return question.questionType === EvaluationFormQuestionType.SINGLE_SELECT || question.questionType === EvaluationFormQuestionType.NUMERIC;
}

function typeName(question: EvaluationFormQuestion): string {
  switch (question.questionType) {
    case EvaluationFormQuestionType.SINGLE_SELECT: return 'single-select';
    case EvaluationFormQuestionType.MULTI_SELECT: return 'multi-select';
    case EvaluationFormQuestionType.NUMERIC: return 'numeric';
    case EvaluationFormQuestionType.TEXT: return 'text';
    default: return 'date and time';
  }
}

/** Quotes a text for a message, shortened when long. */
function quote(text: string): string {
  if (Token.isUnresolved(text)) {
    return '(token)';
  }
  return `'${text.length > 40 ? `${text.slice(0, 37)}...` : text}'`;
}

/** How messages name a section or question. */
function labelOf(item: EvaluationFormItem): string {
  const kind = item instanceof EvaluationFormSection ? 'section' : 'question';
  if (Token.isUnresolved(item.title) && item.refId !== undefined) {
    return `${kind} ${quote(item.refId)}`;
  }
  return `${kind} ${quote(item.title)}`;
}

/** The error when weights do not add up to 100 (none when one of them is a token). */
function weightSumError(weights: number[], what: string): string | undefined {
  if (weights.some(weight => Token.isUnresolved(weight))) {
    return undefined;
  }
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (Math.abs(sum - MAX_WEIGHT) > WEIGHT_TOLERANCE) {
    return `${what} must add up to ${MAX_WEIGHT}, got ${Number(sum.toFixed(6))}`;
  }
  return undefined;
}

function optionTexts(question: EvaluationFormQuestion): string[] {
  const spec = specOf(question);
  switch (spec.type) {
    case EvaluationFormQuestionType.SINGLE_SELECT: return spec.props.options.map(option => option.text);
    case EvaluationFormQuestionType.MULTI_SELECT: return spec.props.options.map(option => option.text);
    default: return [];
  }
}

function optionRefIds(question: EvaluationFormQuestion): Array<string | undefined> {
  const spec = specOf(question);
  switch (spec.type) {
    case EvaluationFormQuestionType.SINGLE_SELECT: return spec.props.options.map(option => option.refId);
    case EvaluationFormQuestionType.MULTI_SELECT: return spec.props.options.map(option => option.refId);
    default: return [];
  }
}

function automaticFailSections(question: EvaluationFormQuestion): EvaluationFormSection[] {
  const spec = specOf(question);
  const targets: Array<EvaluationFormSection | undefined> =
    spec.type === EvaluationFormQuestionType.SINGLE_SELECT ? spec.props.options.map(option => option.automaticFailSection)
      : spec.type === EvaluationFormQuestionType.NUMERIC ? (spec.props.scoreRanges ?? []).map(range => range.automaticFailSection)
        : [];
  return targets.filter((target): target is EvaluationFormSection => target !== undefined);
}

/** The reference id of a question's option, by its text. */
function optionRefId(question: EvaluationFormQuestion, text: string, refIds: RefIds): string {
  // Questions outside the form have none (rendering runs before validation, which reports them).
  return refIds.options.get(question)?.[optionTexts(question).indexOf(text)] ?? '';
}

function renderAutomaticFail(automaticFail: boolean | undefined, section: EvaluationFormSection | undefined, refIds: RefIds) {
  return {
    automaticFail: section !== undefined ? true : automaticFail,
    automaticFailConfiguration: section !== undefined ? { targetSection: refIds.items.get(section) } : undefined,
  };
}

function renderAnswerSource(answerSource: EvaluationFormAnswerSource | undefined) {
  return answerSource !== undefined ? { sourceType: answerSource } : undefined;
}

function renderTypeProperties(
  question: EvaluationFormQuestion,
  refIds: RefIds,
): CfnEvaluationForm.EvaluationFormQuestionTypePropertiesProperty | undefined {
  const spec = specOf(question);
  const optionIds = refIds.options.get(question) ?? [];
  switch (spec.type) {
    case EvaluationFormQuestionType.SINGLE_SELECT: {
      const automation = spec.props.automation;
      return {
        singleSelect: {
          options: spec.props.options.map((option, i) => ({
            refId: optionIds[i],
            text: option.text,
            score: option.score,
            ...renderAutomaticFail(option.automaticFail, option.automaticFailSection, refIds),
          })),
          displayAs: spec.props.displayAs,
          automation: automation ? {
            options: automation.rules.map(rule => ({
              ruleCategory: {
                category: rule.category,
                condition: rule.condition ?? EvaluationFormRuleCondition.PRESENT,
                optionRefId: optionRefId(question, rule.option, refIds),
              },
            })),
            defaultOptionRefId: automation.defaultOption !== undefined ? optionRefId(question, automation.defaultOption, refIds) : undefined,
            answerSource: renderAnswerSource(automation.answerSource),
          } : undefined,
        },
      };
    }
    case EvaluationFormQuestionType.MULTI_SELECT: {
      const automation = spec.props.automation;
      return {
        multiSelect: {
          options: spec.props.options.map((option, i) => ({ refId: optionIds[i], text: option.text })),
          displayAs: spec.props.displayAs,
          automation: automation ? {
            options: automation.rules.map(rule => ({
              ruleCategory: {
                category: rule.category,
                condition: rule.condition ?? EvaluationFormRuleCondition.PRESENT,
                optionRefIds: rule.options.map(text => optionRefId(question, text, refIds)),
              },
            })),
            defaultOptionRefIds: automation.defaultOptions?.map(text => optionRefId(question, text, refIds)),
            answerSource: renderAnswerSource(automation.answerSource),
          } : undefined,
        },
      };
    }
    case EvaluationFormQuestionType.NUMERIC: {
      const automation = spec.props.automation;
      return {
        numeric: {
          minValue: spec.props.minValue,
          maxValue: spec.props.maxValue,
          options: spec.props.scoreRanges?.map(range => ({
            minValue: range.minValue,
            maxValue: range.maxValue,
            score: range.score,
            ...renderAutomaticFail(range.automaticFail, range.automaticFailSection, refIds),
          })),
          automation: automation ? {
            propertyValue: automation.metric ? { label: automation.metric.label } : undefined,
            answerSource: renderAnswerSource(automation.answerSource),
          } : undefined,
        },
      };
    }
    case EvaluationFormQuestionType.TEXT:
      return spec.props.answerSource !== undefined
        ? { text: { automation: { answerSource: renderAnswerSource(spec.props.answerSource) } } }
        : undefined;
    default:
      return undefined;
  }
}

function renderEnablement(
  enablement: EvaluationFormQuestionEnablement,
  refIds: RefIds,
): CfnEvaluationForm.EvaluationFormItemEnablementConfigurationProperty {
  const action = enablement.action ?? EvaluationFormEnablementAction.ENABLE;
  const opposite = action === EvaluationFormEnablementAction.ENABLE ? EvaluationFormEnablementAction.DISABLE : EvaluationFormEnablementAction.ENABLE;
  return {
    action,
    defaultAction: enablement.defaultAction ?? opposite,
    condition: {
      operator: enablement.operator ?? (enablement.conditions.length > 1 ? EvaluationFormConditionOperator.AND : undefined),
      operands: enablement.conditions.map(condition => ({
        expression: {
          source: { type: 'QUESTION_REF_ID', refId: refIds.items.get(condition.question) },
          values: condition.options.map(text => ({ type: 'OPTION_REF_ID', refId: optionRefId(condition.question, text, refIds) })),
          comparator: condition.comparator,
        },
      })),
    },
  };
}
