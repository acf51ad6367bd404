import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnElement, CfnParameter, Stack, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DefaultVocabulary } from '../../src/constructs/default-vocabulary';
import { Instance } from '../../src/constructs/instance';
import { Vocabulary, VocabularyContent, VocabularyLanguageCode } from '../../src/constructs/vocabulary';
import { INSTANCE_ARN, testStack } from '../helpers';

const TYPE = 'AWS::Connect::Vocabulary';
const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
const VOCABULARY_ARN = `${INSTANCE_ARN}/vocabulary/vvvvvvvv-0000-0000-0000-000000000000`;
const HEADER = 'Phrase\tIPA\tSoundsLike\tDisplayAs';
const TABLE = `${HEADER}\nLos-Angeles\t\t\tLos Angeles\nDynamo-D.B.\t\t\tDynamoDB\n`;

function vocabulary(content: VocabularyContent, extra: { vocabularyName?: string; languageCode?: VocabularyLanguageCode } = {}) {
  const { stack, instance } = testStack();
  const v = new Vocabulary(stack, 'Vocabulary', {
    instance,
    vocabularyName: extra.vocabularyName ?? 'products',
    languageCode: extra.languageCode ?? VocabularyLanguageCode.EN_US,
    content,
  });
  return { stack, vocabulary: v };
}

function tempFile(content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vocabulary-'));
  const file = path.join(dir, 'vocabulary.txt');
  fs.writeFileSync(file, content);
  return file;
}

describe('Vocabulary', () => {
  test('creates a vocabulary from a string', () => {
    const { stack } = vocabulary(VocabularyContent.fromString(TABLE));
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      InstanceId: INSTANCE_ID,
      VocabularyName: 'products',
      LanguageCode: 'en-US',
      Content: TABLE,
    });
  });

  test('creates a vocabulary from a file, without a byte order mark', () => {
    const file = tempFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TABLE, 'utf-8')]));
    const { stack } = vocabulary(VocabularyContent.fromFile(file));
    Template.fromStack(stack).hasResourceProperties(TYPE, { Content: TABLE });
  });

  test('builds the table from entries', () => {
    const { stack } = vocabulary(VocabularyContent.fromEntries([
      { phrase: 'Los-Angeles', displayAs: 'Los Angeles' },
      { phrase: 'Etienne', soundsLike: 'eh-tee-en' },
      { phrase: 'F.B.I.', ipa: 'ɛ f b i aɪ', displayAs: 'FBI' },
    ]));
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      Content: `${HEADER}\nLos-Angeles\t\t\tLos Angeles\nEtienne\t\teh-tee-en\t\nF.B.I.\tɛ f b i aɪ\t\tFBI`,
    });
  });

  test('accepts the columns in any order, CRLF line ends and blank lines', () => {
    const content = 'DisplayAs\tPhrase\tSoundsLike\tIPA\r\nLos Angeles\tLos-Angeles\t\t\r\n\r\n';
    const { stack } = vocabulary(VocabularyContent.fromString(content));
    Template.fromStack(stack).hasResourceProperties(TYPE, { Content: content });
  });

  test('renders a listed language and offers custom ones', () => {
    expect(VocabularyLanguageCode.DE_CH.value).toBe('de-CH');
    expect(VocabularyLanguageCode.TL_PH.value).toBe('tl-PH');
    expect(VocabularyLanguageCode.ZH_CN.value).toBe('zh-CN');
    expect(VocabularyLanguageCode.of('xx-YY').value).toBe('xx-YY');
    const { stack } = vocabulary(VocabularyContent.fromString(TABLE), { languageCode: VocabularyLanguageCode.ES_US });
    Template.fromStack(stack).hasResourceProperties(TYPE, { LanguageCode: 'es-US' });
  });

  test('uses the id of an instance defined in the app', () => {
    const stack = new Stack(new App());
    const instance = new Instance(stack, 'Instance', { instanceAlias: 'my-contact-center' });
    new Vocabulary(stack, 'Vocabulary', { instance, languageCode: VocabularyLanguageCode.EN_GB, content: VocabularyContent.fromString(TABLE) });
    const props = Object.values(Template.fromStack(stack).findResources(TYPE))[0].Properties;
    expect(props.InstanceId).toEqual(stack.resolve(instance.instanceId));
  });

  test('generates a name when none is given', () => {
    const { stack, instance } = testStack();
    const v = new Vocabulary(stack, 'Vocabulary', { instance, languageCode: VocabularyLanguageCode.EN_US, content: VocabularyContent.fromString(TABLE) });
    expect(v.vocabularyName).toMatch(/^TestVocabulary[A-Za-z0-9]+$/);
    Template.fromStack(stack).hasResourceProperties(TYPE, { VocabularyName: v.vocabularyName });
  });

  test('exposes its attributes', () => {
    const { stack, vocabulary: v } = vocabulary(VocabularyContent.fromString(TABLE));
    const logicalId = stack.getLogicalId(v.node.defaultChild as CfnElement);
    expect(stack.resolve(v.vocabularyArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'Arn'] });
    expect(stack.resolve(v.vocabularyId)).toEqual({ 'Fn::GetAtt': [logicalId, 'VocabularyId'] });
    expect(stack.resolve(v.state)).toEqual({ 'Fn::GetAtt': [logicalId, 'State'] });
    expect(stack.resolve(v.vocabularyRef.vocabularyArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'Arn'] });
    expect(v.instanceArn).toBe(INSTANCE_ARN);
    expect(v.vocabularyName).toBe('products');
  });

  test('takes tags from Tags.of', () => {
    const { stack, vocabulary: v } = vocabulary(VocabularyContent.fromString(TABLE));
    Tags.of(v).add('team', 'analytics');
    Template.fromStack(stack).hasResourceProperties(TYPE, { Tags: [{ Key: 'team', Value: 'analytics' }] });
  });

  test('skips validation of token values', () => {
    const { stack, instance } = testStack();
    new Vocabulary(stack, 'Vocabulary', {
      instance,
      vocabularyName: new CfnParameter(stack, 'Name').valueAsString,
      languageCode: VocabularyLanguageCode.of(new CfnParameter(stack, 'Language').valueAsString),
      content: VocabularyContent.fromString(new CfnParameter(stack, 'Content').valueAsString),
    });
    Template.fromStack(stack).hasResourceProperties(TYPE, {
      VocabularyName: { Ref: 'Name' },
      LanguageCode: { Ref: 'Language' },
      Content: { Ref: 'Content' },
    });
  });

  test('accepts content of 50 KB', () => {
    const row = 'Abc\t\t\tx\n';
    const rows = Math.floor((51_200 - HEADER.length - 1) / row.length);
    const content = `${HEADER}\n${row.repeat(rows)}`.padEnd(51_200, '\n');
    expect(Buffer.byteLength(content)).toBe(51_200);
    const { stack } = vocabulary(VocabularyContent.fromString(content));
    Template.fromStack(stack).resourceCountIs(TYPE, 1);
  });

  describe('validation', () => {
    test.each(['', 'x'.repeat(141)])('fails with a name of the wrong length (%#)', (vocabularyName) => {
      expect(() => vocabulary(VocabularyContent.fromString(TABLE), { vocabularyName }))
        .toThrow(new RegExp(`Test/Vocabulary: vocabulary name must be 1 to 140 characters, got ${vocabularyName.length}`));
    });

    test.each(['my products', 'products!', 'produits/fr'])('fails with the name %p', (vocabularyName) => {
      expect(() => vocabulary(VocabularyContent.fromString(TABLE), { vocabularyName }))
        .toThrow(/vocabulary name must be letters, digits, ., _ and -/);
    });

    test.each(['en', 'EN-US', 'en_US', 'english'])('fails with the language code %p', (code) => {
      expect(() => vocabulary(VocabularyContent.fromString(TABLE), { languageCode: VocabularyLanguageCode.of(code) }))
        .toThrow(/languageCode must be a language and a region such as en-US/);
    });

    test('fails with empty content', () => {
      expect(() => vocabulary(VocabularyContent.fromString('')))
        .toThrow(/content must be 1 to 60000 characters, got 0/);
    });

    test('fails with content longer than 60,000 characters', () => {
      expect(() => vocabulary(VocabularyContent.fromString(`${HEADER}\nAbc\t\t\t${'x'.repeat(60_000)}`)))
        .toThrow(/content must be 1 to 60000 characters, got 600/);
    });

    test('fails with content larger than 50 KB', () => {
      const row = 'Ĳssel\t\t\tĲssel\n';
      const content = `${HEADER}\n${row.repeat(3_500)}`;
      expect(content.length).toBeLessThan(60_000);
      expect(() => vocabulary(VocabularyContent.fromString(content)))
        .toThrow(/content must be at most 50 KB \(51200 bytes\) in UTF-8, got \d+ bytes/);
    });

    test.each([
      'Phrase\tIPA\tSoundsLike',
      'Phrase IPA SoundsLike DisplayAs',
      'Phrase\tIPA\tSoundsLike\tDisplayAs\tExtra',
      'Phrase\tIPA\tIPA\tDisplayAs',
      'Los-Angeles\t\t\tLos Angeles',
    ])('fails without the header row, given %p', (header) => {
      expect(() => vocabulary(VocabularyContent.fromString(`${header}\nLos-Angeles\t\t\tLos Angeles`)))
        .toThrow(/content must start with a header row of the four columns Phrase, IPA, SoundsLike and DisplayAs separated by tabs \(in any order\)/);
    });

    test('fails without entries', () => {
      expect(() => vocabulary(VocabularyContent.fromString(`${HEADER}\n`)))
        .toThrow(/content must have at least one entry after the header row/);
    });

    test('fails with a row of the wrong number of fields', () => {
      expect(() => vocabulary(VocabularyContent.fromString(`${HEADER}\nLos-Angeles\tLos Angeles`)))
        .toThrow(/content line 2 must have 4 fields separated by single tabs, got 2: 'Los-Angeles\tLos Angeles'/);
    });

    test('fails with a row without a phrase', () => {
      expect(() => vocabulary(VocabularyContent.fromString(`${TABLE}\t\t\tLos Angeles`)))
        .toThrow(/content line 4 must have a phrase/);
    });

    test('fails with a phrase in a column other than the first when the header says so', () => {
      const content = 'DisplayAs\tPhrase\tSoundsLike\tIPA\nLos-Angeles\t\t\t';
      expect(() => vocabulary(VocabularyContent.fromString(content))).toThrow(/content line 2 must have a phrase/);
    });

    test.each(['Los Angeles', 'Route66'])('fails with the phrase %p', (phrase) => {
      expect(() => vocabulary(VocabularyContent.fromEntries([{ phrase }])))
        .toThrow(new RegExp(`content line 2: a phrase must not contain spaces or digits \\(separate words with hyphens, spell out numbers\\), got '${phrase}'`));
    });

    test('fails with a field of 256 characters', () => {
      expect(() => vocabulary(VocabularyContent.fromEntries([{ phrase: 'Abc', displayAs: 'x'.repeat(256) }])))
        .toThrow(/content line 2: a field must have fewer than 256 characters, got 256/);
    });

    test('fails with a field with trailing whitespace', () => {
      expect(() => vocabulary(VocabularyContent.fromEntries([{ phrase: 'Abc', displayAs: 'ABC ' }])))
        .toThrow(/content line 2: a field must not start or end with whitespace, got 'ABC '/);
    });

    test('fails with a file that cannot be read', () => {
      expect(() => vocabulary(VocabularyContent.fromFile('/does/not/exist.txt')))
        .toThrow(/Test\/Vocabulary: content file '\/does\/not\/exist.txt' cannot be read: ENOENT/);
    });

    test('fails with a file in the wrong format', () => {
      const file = tempFile('Phrase,IPA,SoundsLike,DisplayAs\nLos-Angeles,,,Los Angeles\n');
      expect(() => vocabulary(VocabularyContent.fromFile(file))).toThrow(/content must start with a header row/);
    });
  });
});

describe('Vocabulary.fromVocabularyArn', () => {
  test('takes the id and the instance ARN from a concrete ARN', () => {
    const { stack } = testStack();
    const v = Vocabulary.fromVocabularyArn(stack, 'Imported', VOCABULARY_ARN);
    expect(v.vocabularyArn).toBe(VOCABULARY_ARN);
    expect(v.vocabularyId).toBe('vvvvvvvv-0000-0000-0000-000000000000');
    expect(v.instanceArn).toBe(INSTANCE_ARN);
    expect(v.env.account).toBe('111122223333');
    expect(v.env.region).toBe('us-east-1');
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const stack = new Stack(new App());
    const v = Vocabulary.fromVocabularyArn(stack, 'Imported', Token.asString({ Ref: 'Arn' }));
    expect(stack.resolve(v.vocabularyId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
  });

  test.each(['not-an-arn', `${INSTANCE_ARN}/queue/abc`, 'arn:aws:connect:us-east-1:111122223333:vocabulary/abc'])(
    'fails with the malformed ARN %p', (arn) => {
      const { stack } = testStack();
      expect(() => Vocabulary.fromVocabularyArn(stack, 'Imported', arn))
        .toThrow(/Test\/Imported: vocabulary ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/vocabulary\/<id>/);
    });
});

describe('default vocabulary', () => {
  const DEFAULT = 'Custom::ConnectDefaultVocabulary';

  function statements(stack: Stack): unknown[] {
    return Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
  }

  test('setAsDefault makes the vocabulary the default of its language through the Connect API', () => {
    const { stack, vocabulary: v } = vocabulary(VocabularyContent.fromString(TABLE));
    const association = v.setAsDefault();

    expect(v.setAsDefault()).toBe(association);
    expect(association.node.path).toBe('Test/Vocabulary/DefaultVocabulary');
    expect(association.languageCode).toBe(VocabularyLanguageCode.EN_US);
    const template = Template.fromStack(stack);
    template.resourceCountIs(DEFAULT, 1);
    template.hasResourceProperties(DEFAULT, {
      InstanceId: INSTANCE_ID,
      InstanceArn: INSTANCE_ARN,
      LanguageCode: 'en-US',
      VocabularyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vocabulary'), 'VocabularyId'] },
    });
  });

  test('grants the provider exactly what it calls, on the instance and its vocabularies', () => {
    const { stack, vocabulary: v } = vocabulary(VocabularyContent.fromString(TABLE));
    v.setAsDefault();

    const all = statements(stack);
    expect(all).toContainEqual({
      Effect: 'Allow',
      Action: ['connect:AssociateDefaultVocabulary', 'connect:ListDefaultVocabularies', 'connect:DescribeVocabulary'],
      Resource: [INSTANCE_ARN, `${INSTANCE_ARN}/vocabulary/*`],
    });
    expect(all).toContainEqual({
      Effect: 'Allow',
      Action: ['connect:ListTagsForResource', 'connect:TagResource', 'connect:UntagResource'],
      Resource: INSTANCE_ARN,
    });
    expect(JSON.stringify(all)).not.toMatch(/"Resource":"\*"/);
  });

  test('makes an imported vocabulary the default of a language', () => {
    const { stack, instance } = testStack();
    new DefaultVocabulary(stack, 'Default', {
      instance,
      vocabulary: Vocabulary.fromVocabularyArn(stack, 'Imported', VOCABULARY_ARN),
      languageCode: VocabularyLanguageCode.DE_DE,
    });

    Template.fromStack(stack).hasResourceProperties(DEFAULT, {
      LanguageCode: 'de-DE',
      VocabularyId: 'vvvvvvvv-0000-0000-0000-000000000000',
    });
  });

  test('one default per language: two languages are fine', () => {
    const { stack, instance } = testStack();
    const english = new Vocabulary(stack, 'English', { instance, languageCode: VocabularyLanguageCode.EN_US, content: VocabularyContent.fromString(TABLE) });
    const german = new Vocabulary(stack, 'German', { instance, languageCode: VocabularyLanguageCode.DE_DE, content: VocabularyContent.fromString(TABLE) });
    english.setAsDefault();
    german.setAsDefault();

    Template.fromStack(stack).resourceCountIs(DEFAULT, 2);
  });

  test('the default vocabulary of an instance defined in the app uses its id and ARN', () => {
    const stack = new Stack(new App(), 'Test', { env: { account: '111122223333', region: 'us-east-1' } });
    const instance = new Instance(stack, 'Instance', { instanceAlias: 'vocab-center' });
    new Vocabulary(stack, 'Terms', { instance, languageCode: VocabularyLanguageCode.EN_GB, content: VocabularyContent.fromString(TABLE) }).setAsDefault();

    Template.fromStack(stack).hasResourceProperties(DEFAULT, {
      InstanceId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Id'] },
      InstanceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Arn'] },
      LanguageCode: 'en-GB',
    });
  });

  test('fails to set a second default of the same language in an instance', () => {
    const { stack, instance } = testStack();
    const first = new Vocabulary(stack, 'First', { instance, languageCode: VocabularyLanguageCode.EN_US, content: VocabularyContent.fromString(TABLE) });
    const second = new Vocabulary(stack, 'Second', { instance, languageCode: VocabularyLanguageCode.EN_US, content: VocabularyContent.fromString(TABLE) });
    first.setAsDefault();
    expect(() => second.setAsDefault())
      .toThrow(/Test\/Second\/DefaultVocabulary: the default vocabulary of en-US of instance Test\/Instance is already set by Test\/First\/DefaultVocabulary; an instance setting can be set once/);
  });

  test('fails when the vocabulary is in another language', () => {
    const { stack, instance, vocabulary: v } = (() => {
      const r = vocabulary(VocabularyContent.fromString(TABLE));
      return { ...r, instance: Instance.fromInstanceArn(r.stack, 'Same', INSTANCE_ARN) };
    })();
    expect(() => new DefaultVocabulary(stack, 'Default', { instance, vocabulary: v, languageCode: VocabularyLanguageCode.DE_DE }))
      .toThrow(/Test\/Default: the vocabulary is in en-US, so it cannot be the default of de-DE/);
  });

  test('fails when the vocabulary belongs to another instance', () => {
    const { stack, instance } = testStack();
    const other = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';
    expect(() => new DefaultVocabulary(stack, 'Default', {
      instance,
      vocabulary: Vocabulary.fromVocabularyArn(stack, 'Imported', `${other}/vocabulary/abc`),
      languageCode: VocabularyLanguageCode.EN_US,
    })).toThrow(/the vocabulary must belong to instance arn:aws:connect:us-east-1:111122223333:instance\/11111111-2222-3333-4444-555555555555, got one of instance .*99999999/);
  });

  test('fails with a malformed language code', () => {
    const { stack, instance } = testStack();
    expect(() => new DefaultVocabulary(stack, 'Default', {
      instance,
      vocabulary: Vocabulary.fromVocabularyArn(stack, 'Imported', VOCABULARY_ARN),
      languageCode: VocabularyLanguageCode.of('english'),
    })).toThrow(/languageCode must be a language and a region such as en-US, got 'english'/);
  });

  test('fails with a language code that is a token', () => {
    const { stack, instance } = testStack();
    expect(() => new DefaultVocabulary(stack, 'Default', {
      instance,
      vocabulary: Vocabulary.fromVocabularyArn(stack, 'Imported', VOCABULARY_ARN),
      languageCode: VocabularyLanguageCode.of(Token.asString({ Ref: 'Language' })),
    })).toThrow(/languageCode must be a concrete value, got a token/);
  });
});
