import { Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { IVocabulary, VocabularyLanguageCode } from './vocabulary';
import { connectResource } from '../custom-resources/resource';
import { claimInstanceSetting } from '../private/instance-settings';
import { validateSameInstance } from '../private/references';
import { fail, validatePattern } from '../private/validation';

/**
 * Properties of the default vocabulary of a language.
 */
export interface DefaultVocabularyProps {
  /**
   * The instance.
   */
  readonly instance: IInstance;

  /**
   * The vocabulary to make the default. It must belong to the instance and be in the language.
   */
  readonly vocabulary: IVocabulary;

  /**
   * The language whose default the vocabulary becomes (the vocabulary's language).
   */
  readonly languageCode: VocabularyLanguageCode;
}

const LANGUAGE_CODE = /^[a-z]{2,3}-[A-Z]{2}$/;

/**
 * The default custom vocabulary of a language in an Amazon Connect instance: the one Contact Lens uses for post-call
 * and real-time analysis of contacts in that language (`AssociateDefaultVocabulary`; CloudFormation has no resource
 * for it).
 *
 * The deployment waits until the vocabulary is `ACTIVE`. When the construct is removed (or the stack deleted), the
 * language gets back the default it had before (or none), unless the default was changed out of band since. While
 * it exists, the instance carries a tag `cdk-connect:default-vocabulary:<language>` that records the default to
 * restore.
 *
 * A language has one default per instance. `vocabulary.setAsDefault()` is the shorthand.
 *
 * @resource Custom::ConnectDefaultVocabulary
 */
export class DefaultVocabulary extends Construct {
  /** The instance. */
  public readonly instance: IInstance;

  /** The default vocabulary. */
  public readonly vocabulary: IVocabulary;

  /** The language. */
  public readonly languageCode: VocabularyLanguageCode;

  constructor(scope: Construct, id: string, props: DefaultVocabularyProps) {
    super(scope, id);
    const language = props.languageCode.value;
    if (Token.isUnresolved(language)) {
      fail(this, 'languageCode must be a concrete value, got a token');
    }
    validatePattern(this, 'languageCode', language, LANGUAGE_CODE, 'a language and a region such as en-US');
    const own = languageOf(props.vocabulary);
    if (own !== undefined && !Token.isUnresolved(own) && own !== language) {
      fail(this, `the vocabulary is in ${own}, so it cannot be the default of ${language}`);
    }
    const instance = props.instance;
    validateSameInstance(this, 'the vocabulary', instance.instanceArn, props.vocabulary.instanceArn);
    claimInstanceSetting(this, instance, `default-vocabulary:${language}`, `the default vocabulary of ${language}`, this.node.path);

    connectResource(this, 'Resource', {
      resourceType: 'Custom::ConnectDefaultVocabulary',
      properties: {
        InstanceId: instance.instanceId,
        InstanceArn: instance.instanceArn,
        LanguageCode: language,
        VocabularyId: props.vocabulary.vocabularyId,
      },
      permissions: [
        {
          // Restoring the previous default names another vocabulary of the instance.
          actions: ['connect:AssociateDefaultVocabulary', 'connect:ListDefaultVocabularies', 'connect:DescribeVocabulary'],
          resources: [instance.instanceArn, `${instance.instanceArn}/vocabulary/*`],
        },
        {
          // The record of the default to restore, a tag on the instance.
          actions: ['connect:ListTagsForResource', 'connect:TagResource', 'connect:UntagResource'],
          resources: [instance.instanceArn],
        },
      ],
    });

    this.instance = instance;
    this.vocabulary = props.vocabulary;
    this.languageCode = props.languageCode;
  }
}

/** The language of a vocabulary defined in the app (`Vocabulary.languageCode`), undefined for an imported one. */
function languageOf(vocabulary: IVocabulary): string | undefined {
  const code = (vocabulary as { readonly languageCode?: unknown }).languageCode;
  return code instanceof Object && typeof (code as { value?: unknown }).value === 'string' ? (code as { value: string }).value : undefined;
}
