import * as fs from 'fs';
import { IResource, Names, Resource, Token } from 'aws-cdk-lib';
import { CfnVocabulary } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { DefaultVocabulary } from './default-vocabulary';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateLength, validatePattern } from '../private/validation';

/**
 * An Amazon Connect custom vocabulary, defined in this app or imported.
 */
export interface IVocabulary extends IResource, connectRefs.IVocabularyRef {
  /**
   * The ARN of the vocabulary.
   *
   * @attribute
   */
  readonly vocabularyArn: string;

  /**
   * The id of the vocabulary.
   *
   * @attribute
   */
  readonly vocabularyId: string;

  /**
   * The ARN of the instance the vocabulary belongs to.
   */
  readonly instanceArn: string;
}

abstract class VocabularyBase extends Resource implements IVocabulary {
  public abstract readonly vocabularyArn: string;
  public abstract readonly vocabularyId: string;
  public abstract readonly instanceArn: string;

  public get vocabularyRef(): connectRefs.VocabularyReference {
    return { vocabularyArn: this.vocabularyArn };
  }
}

/**
 * The language of a custom vocabulary: one that Contact Lens supports for custom vocabularies.
 */
export class VocabularyLanguageCode {
  /** Arabic (United Arab Emirates). */
  public static readonly AR_AE = new VocabularyLanguageCode('ar-AE');
  /** Catalan (Spain). */
  public static readonly CA_ES = new VocabularyLanguageCode('ca-ES');
  /** Danish (Denmark). */
  public static readonly DA_DK = new VocabularyLanguageCode('da-DK');
  /** German (Switzerland). */
  public static readonly DE_CH = new VocabularyLanguageCode('de-CH');
  /** German (Germany). */
  public static readonly DE_DE = new VocabularyLanguageCode('de-DE');
  /** English (Scotland). */
  public static readonly EN_AB = new VocabularyLanguageCode('en-AB');
  /** English (Australia). */
  public static readonly EN_AU = new VocabularyLanguageCode('en-AU');
  /** English (United Kingdom). */
  public static readonly EN_GB = new VocabularyLanguageCode('en-GB');
  /** English (Ireland). */
  public static readonly EN_IE = new VocabularyLanguageCode('en-IE');
  /** English (India). */
  public static readonly EN_IN = new VocabularyLanguageCode('en-IN');
  /** English (New Zealand). */
  public static readonly EN_NZ = new VocabularyLanguageCode('en-NZ');
  /** English (United States). */
  public static readonly EN_US = new VocabularyLanguageCode('en-US');
  /** English (Wales). */
  public static readonly EN_WL = new VocabularyLanguageCode('en-WL');
  /** English (South Africa). */
  public static readonly EN_ZA = new VocabularyLanguageCode('en-ZA');
  /** Spanish (Spain). */
  public static readonly ES_ES = new VocabularyLanguageCode('es-ES');
  /** Spanish (United States). */
  public static readonly ES_US = new VocabularyLanguageCode('es-US');
  /** Finnish (Finland). */
  public static readonly FI_FI = new VocabularyLanguageCode('fi-FI');
  /** French (Canada). */
  public static readonly FR_CA = new VocabularyLanguageCode('fr-CA');
  /** French (France). */
  public static readonly FR_FR = new VocabularyLanguageCode('fr-FR');
  /** Hindi (India). */
  public static readonly HI_IN = new VocabularyLanguageCode('hi-IN');
  /** Indonesian (Indonesia). */
  public static readonly ID_ID = new VocabularyLanguageCode('id-ID');
  /** Italian (Italy). */
  public static readonly IT_IT = new VocabularyLanguageCode('it-IT');
  /** Japanese (Japan). */
  public static readonly JA_JP = new VocabularyLanguageCode('ja-JP');
  /** Korean (South Korea). */
  public static readonly KO_KR = new VocabularyLanguageCode('ko-KR');
  /** Malay (Malaysia). */
  public static readonly MS_MY = new VocabularyLanguageCode('ms-MY');
  /** Dutch (Netherlands). */
  public static readonly NL_NL = new VocabularyLanguageCode('nl-NL');
  /** Norwegian (Norway). */
  public static readonly NO_NO = new VocabularyLanguageCode('no-NO');
  /** Polish (Poland). */
  public static readonly PL_PL = new VocabularyLanguageCode('pl-PL');
  /** Portuguese (Brazil). */
  public static readonly PT_BR = new VocabularyLanguageCode('pt-BR');
  /** Portuguese (Portugal). */
  public static readonly PT_PT = new VocabularyLanguageCode('pt-PT');
  /** Swedish (Sweden). */
  public static readonly SV_SE = new VocabularyLanguageCode('sv-SE');
  /** Tagalog/Filipino (Philippines). */
  public static readonly TL_PH = new VocabularyLanguageCode('tl-PH');
  /** Chinese, Mandarin (Mainland China). */
  public static readonly ZH_CN = new VocabularyLanguageCode('zh-CN');

  /**
   * A language code that has no constant here, such as one Amazon Connect added later
   * (a language and a region, such as `en-US`).
   */
  public static of(value: string): VocabularyLanguageCode {
    return new VocabularyLanguageCode(value);
  }

  /** The language code, such as `en-US`. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * An entry (a row) of a custom vocabulary table.
 */
export interface VocabularyEntry {
  /**
   * The word or phrase to recognize. No spaces or digits: separate words with hyphens (`Los-Angeles`), spell
   * out numbers, and separate pronounced letters of acronyms with periods (`C.L.I.`).
   */
  readonly phrase: string;

  /**
   * How the entry appears in transcripts, such as `Los Angeles` (spaces and digits are allowed).
   *
   * @default - the phrase
   */
  readonly displayAs?: string;

  /**
   * How the entry sounds, as hyphen-separated syllables (Amazon Transcribe no longer uses this column).
   *
   * @default - empty
   */
  readonly soundsLike?: string;

  /**
   * How the entry sounds, in the International Phonetic Alphabet with single spaces between characters
   * (Amazon Transcribe no longer uses this column).
   *
   * @default - empty
   */
  readonly ipa?: string;
}

/** The header row that `VocabularyContent.fromEntries` writes. */
const HEADER = ['Phrase', 'IPA', 'SoundsLike', 'DisplayAs'];

/**
 * The content of a custom vocabulary: a table with the columns `Phrase`, `IPA`, `SoundsLike` and `DisplayAs`,
 * one entry per line and the fields separated by tabs, as Amazon Transcribe describes in "Creating a custom
 * vocabulary using a table".
 *
 * The content is checked at synth time unless it is a token: a header row with the four columns (in any
 * order), then at least one entry with four fields, a phrase in every entry, no spaces or digits in phrases,
 * no leading or trailing whitespace and fewer than 256 characters in a field, at most 60,000 characters and
 * 50 KB in all.
 */
export abstract class VocabularyContent {
  /**
   * The content as a string, such as `'Phrase\tIPA\tSoundsLike\tDisplayAs\nLos-Angeles\t\t\tLos Angeles'`.
   */
  public static fromString(content: string): VocabularyContent {
    return new StringContent(content);
  }

  /**
   * The content of a UTF-8 text file, read at synth time (a byte order mark is removed).
   *
   * @param path the path of the file, relative to the working directory or absolute
   */
  public static fromFile(path: string): VocabularyContent {
    return new FileContent(path);
  }

  /**
   * A table built from entries, with the header `Phrase`, `IPA`, `SoundsLike`, `DisplayAs`.
   */
  public static fromEntries(entries: VocabularyEntry[]): VocabularyContent {
    const rows = entries.map(e => [e.phrase, e.ipa ?? '', e.soundsLike ?? '', e.displayAs ?? ''].join('\t'));
    return new StringContent([HEADER.join('\t'), ...rows].join('\n'));
  }

  /**
   * Produces the content for a vocabulary.
   *
   * @internal
   */
  public abstract _render(scope: IConstruct): string;
}

class StringContent extends VocabularyContent {
  private readonly content: string;

  constructor(content: string) {
    super();
    this.content = content;
  }

  public _render(): string {
    return this.content;
  }
}

class FileContent extends VocabularyContent {
  private readonly path: string;

  constructor(path: string) {
    super();
    this.path = path;
  }

  public _render(scope: IConstruct): string {
    let text: string;
    try {
      text = fs.readFileSync(this.path, 'utf-8');
    } catch (e) {
      fail(scope, `content file '${this.path}' cannot be read: ${(e as Error).message}`);
    }
    return text.replace(/^\uFEFF/, '');
  }
}

/**
 * Properties of a custom vocabulary.
 */
export interface VocabularyProps {
  /**
   * The instance the vocabulary belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the vocabulary (1 to 140 characters: letters, digits, `.`, `_` and `-`), unique within the
   * instance. Changing it replaces the vocabulary.
   *
   * @default - a name generated from the construct path
   */
  readonly vocabularyName?: string;

  /**
   * The language of the vocabulary's entries.
   */
  readonly languageCode: VocabularyLanguageCode;

  /**
   * The entries of the vocabulary: `VocabularyContent.fromString(...)`, `.fromFile(...)` or `.fromEntries(...)`.
   * Changing it replaces the vocabulary.
   */
  readonly content: VocabularyContent;
}

const VOCABULARY_NAME = /^[0-9a-zA-Z._-]+$/;
const LANGUAGE_CODE = /^[a-z]{2,3}-[A-Z]{2}$/;
const MAX_CONTENT_CHARACTERS = 60_000;
const MAX_CONTENT_BYTES = 50 * 1024;
const MAX_FIELD_CHARACTERS = 255;

/**
 * A custom vocabulary of an Amazon Connect instance: words and phrases, such as product names, that Contact
 * Lens should recognize in call transcripts.
 *
 * Amazon Connect processes a new vocabulary for a while (`state` is `CREATION_IN_PROGRESS`, then `ACTIVE`);
 * CloudFormation waits for it. `setAsDefault()` makes it the default of its language, the vocabulary Contact Lens
 * uses for contacts in that language.
 *
 * ```ts
 * const products = new Vocabulary(this, 'Products', {
 *   instance,
 *   vocabularyName: 'products',
 *   languageCode: VocabularyLanguageCode.EN_US,
 *   content: VocabularyContent.fromEntries([
 *     { phrase: 'Dynamo-D.B.', displayAs: 'DynamoDB' },
 *   ]),
 * });
 * products.setAsDefault();
 * ```
 *
 * @resource AWS::Connect::Vocabulary
 */
export class Vocabulary extends VocabularyBase {
  /**
   * Imports a vocabulary by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/vocabulary/<id>`).
   */
  public static fromVocabularyArn(scope: Construct, id: string, vocabularyArn: string): IVocabulary {
    class Import extends VocabularyBase {
      public readonly vocabularyArn = vocabularyArn;
      public readonly vocabularyId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(vocabularyArn) });
        const parts = parseInstanceResourceArn(this, vocabularyArn, 'vocabulary', 'vocabulary');
        this.vocabularyId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the vocabulary.
   *
   * @attribute
   */
  public readonly vocabularyArn: string;

  /**
   * The id of the vocabulary.
   *
   * @attribute
   */
  public readonly vocabularyId: string;

  /**
   * The ARN of the instance the vocabulary belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the vocabulary.
   */
  public readonly vocabularyName: string;

  /**
   * The state of the vocabulary, such as `ACTIVE`.
   *
   * @attribute
   */
  public readonly state: string;

  /**
   * The language of the vocabulary.
   */
  public readonly languageCode: VocabularyLanguageCode;

  private readonly instance: IInstance;
  private defaultOfLanguage?: DefaultVocabulary;

  constructor(scope: Construct, id: string, props: VocabularyProps) {
    super(scope, id);

    const name = props.vocabularyName ?? Names.uniqueResourceName(this, { maxLength: 140, allowedSpecialCharacters: '._-' });
    validateLength(this, 'vocabulary name', name, 1, 140);
    validatePattern(this, 'vocabulary name', name, VOCABULARY_NAME, 'letters, digits, ., _ and -');
    validatePattern(this, 'languageCode', props.languageCode.value, LANGUAGE_CODE, 'a language and a region such as en-US');
    const content = props.content._render(this);
    this.validateContent(content);

    const resource = new CfnVocabulary(this, 'Resource', {
      instanceId: props.instance.instanceId,
      vocabularyName: name,
      languageCode: props.languageCode.value,
      content,
    });
    fixLogicalIdAtSynthesis(resource);

    this.vocabularyArn = resource.attrArn;
    this.vocabularyId = resource.attrVocabularyId;
    this.instanceArn = props.instance.instanceArn;
    this.vocabularyName = name;
    this.state = resource.attrState;
    this.languageCode = props.languageCode;
    this.instance = props.instance;
  }

  /**
   * Makes this vocabulary the default of its language in its instance, the one Contact Lens uses for post-call and
   * real-time analysis of contacts in that language (through the Connect API; CloudFormation cannot). On removal the
   * language gets back the default it had before. A language has one default per instance.
   *
   * @returns the default vocabulary association (the same one when called again)
   */
  public setAsDefault(): DefaultVocabulary {
    this.defaultOfLanguage ??= new DefaultVocabulary(this, 'DefaultVocabulary', {
      instance: this.instance,
      vocabulary: this,
      languageCode: this.languageCode,
    });
    return this.defaultOfLanguage;
  }

  private validateContent(content: string): void {
    if (Token.isUnresolved(content)) {
      return;
    }
    validateLength(this, 'content', content, 1, MAX_CONTENT_CHARACTERS);
    const bytes = Buffer.byteLength(content, 'utf-8');
    if (bytes > MAX_CONTENT_BYTES) {
      fail(this, `content must be at most 50 KB (${MAX_CONTENT_BYTES} bytes) in UTF-8, got ${bytes} bytes`);
    }

    const lines = content.split('\n').map(line => line.replace(/\r$/, ''));
    const header = lines[0].split('\t');
    if (header.length !== HEADER.length || !HEADER.every(column => header.includes(column))) {
      fail(this, 'content must start with a header row of the four columns Phrase, IPA, SoundsLike and DisplayAs '
        + `separated by tabs (in any order), got '${lines[0]}'`);
    }
    const phraseColumn = header.indexOf('Phrase');

    let entries = 0;
    lines.forEach((line, index) => {
      if (index === 0 || line === '') {
        return;
      }
      const where = `content line ${index + 1}`;
      const fields = line.split('\t');
      if (fields.length !== HEADER.length) {
        fail(this, `${where} must have 4 fields separated by single tabs, got ${fields.length}: '${line}'`);
      }
      const phrase = fields[phraseColumn];
      if (phrase === '') {
        fail(this, `${where} must have a phrase, got '${line}'`);
      }
      if (/\s/.test(phrase) || /\d/.test(phrase)) {
        fail(this, `${where}: a phrase must not contain spaces or digits (separate words with hyphens, spell out numbers), got '${phrase}'`);
      }
      for (const field of fields) {
        if (field.length > MAX_FIELD_CHARACTERS) {
          fail(this, `${where}: a field must have fewer than 256 characters, got ${field.length}`);
        }
        if (field !== field.trim()) {
          fail(this, `${where}: a field must not start or end with whitespace, got '${field}'`);
        }
      }
      entries++;
    });
    if (entries === 0) {
      fail(this, 'content must have at least one entry after the header row');
    }
  }
}
