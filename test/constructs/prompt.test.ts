import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnElement, Stack, Tags, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { Prompt, PromptSource } from '../../src/constructs/prompt';
import { INSTANCE_ARN, testStack } from '../helpers';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'prompt-silence-8khz-mulaw.wav');
const PROMPT_ARN = `${INSTANCE_ARN}/prompt/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;

interface WavOptions {
  readonly formatTag?: number;
  readonly channels?: number;
  readonly sampleRate?: number;
  readonly bitsPerSample?: number;
  /** Bytes of audio written. */
  readonly dataBytes?: number;
  /** The data chunk size the header declares (defaults to dataBytes). */
  readonly declaredDataBytes?: number;
  /** Chunks to put before `fmt `. */
  readonly leadingChunks?: Buffer[];
  readonly extensible?: boolean;
  readonly omitFmt?: boolean;
  readonly omitData?: boolean;
}

let tmpDir: string;
beforeAll(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-connect-prompt-'));
});
afterAll(() => {
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

function chunk(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
}

/** Writes a WAVE file with the given header values into the temporary directory. */
function writeWav(name: string, options: WavOptions = {}): string {
  const formatTag = options.formatTag ?? 7;
  const channels = options.channels ?? 1;
  const sampleRate = options.sampleRate ?? 8000;
  const bits = options.bitsPerSample ?? 8;
  const blockAlign = channels * bits / 8;
  const fmt = Buffer.alloc(options.extensible ? 40 : 18);
  fmt.writeUInt16LE(options.extensible ? 0xfffe : formatTag, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * blockAlign, 8);
  fmt.writeUInt16LE(blockAlign, 12);
  fmt.writeUInt16LE(bits, 14);
  if (options.extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(formatTag, 24);
  }
  const dataBytes = options.dataBytes ?? 800;
  const data = chunk('data', Buffer.alloc(dataBytes, 0xff));
  if (options.declaredDataBytes !== undefined) {
    data.writeUInt32LE(options.declaredDataBytes, 4);
  }
  const body = Buffer.concat([
    Buffer.from('WAVE', 'latin1'),
    ...(options.leadingChunks ?? []),
    ...(options.omitFmt ? [] : [chunk('fmt ', fmt)]),
    ...(options.omitData ? [] : [data]),
  ]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  const file = path.join(tmpDir, name);
  fs.writeFileSync(file, Buffer.concat([header, body]));
  return file;
}

function promptWith(source: PromptSource) {
  const { stack, instance } = testStack();
  const prompt = new Prompt(stack, 'Welcome', { instance, promptName: 'Welcome', source });
  return { stack, prompt };
}

describe('Prompt', () => {
  test('uploads a local .wav file as an asset and creates the prompt from it', () => {
    const { stack, prompt } = promptWith(PromptSource.fromAsset(FIXTURE));

    const asset = prompt.node.findChild('Asset') as s3_assets.Asset;
    expect(asset).toBeInstanceOf(s3_assets.Asset);
    expect(asset.s3ObjectKey).toMatch(/\.wav$/);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Prompt', {
      InstanceArn: INSTANCE_ARN,
      Name: 'Welcome',
      S3Uri: `s3://cdk-hnb659fds-assets-111122223333-us-east-1/${asset.s3ObjectKey}`,
    });
  });

  test('accepts a relative asset path', () => {
    const relative = path.relative(process.cwd(), FIXTURE);
    const { stack } = promptWith(PromptSource.fromAsset(relative));

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Prompt', {
      S3Uri: Match.stringLikeRegexp('^s3://cdk-hnb659fds-assets-111122223333-us-east-1/[0-9a-f]+\\.wav$'),
    });
  });

  test('creates the prompt from an object in an imported bucket', () => {
    const { stack, instance } = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Audio', 'my-prompts');
    new Prompt(stack, 'Welcome', {
      instance,
      promptName: 'Welcome',
      description: 'Greeting for callers',
      source: PromptSource.fromBucket(bucket, 'en/welcome.wav'),
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Prompt', {
      InstanceArn: INSTANCE_ARN,
      Name: 'Welcome',
      Description: 'Greeting for callers',
      S3Uri: 's3://my-prompts/en/welcome.wav',
    });
  });

  test('creates the prompt from an object in a bucket of the stack', () => {
    const { stack, instance } = testStack();
    const bucket = new s3.Bucket(stack, 'Audio');
    new Prompt(stack, 'Welcome', {
      instance,
      promptName: 'Welcome',
      source: PromptSource.fromBucket(bucket, 'welcome.wav'),
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Prompt', {
      S3Uri: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^Audio') }, '/welcome.wav']] },
    });
  });

  test('accepts WAVE_FORMAT_EXTENSIBLE u-law and chunks before fmt', () => {
    const list = chunk('LIST', Buffer.from('INFOISFT\u0003\u0000\u0000\u0000ab\u0000', 'latin1'));
    const file = writeWav('extensible.wav', { extensible: true, leadingChunks: [list] });
    const { stack } = promptWith(PromptSource.fromAsset(file));

    Template.fromStack(stack).resourceCountIs('AWS::Connect::Prompt', 1);
  });

  test('exposes the ARN, the id parsed from it and the instance ARN', () => {
    const { stack, prompt } = promptWith(PromptSource.fromAsset(FIXTURE));
    const logicalId = stack.getLogicalId(prompt.node.defaultChild as CfnElement);

    expect(stack.resolve(prompt.promptArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'PromptArn'] });
    expect(stack.resolve(prompt.promptId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'PromptArn'] }] }],
    });
    expect(prompt.instanceArn).toBe(INSTANCE_ARN);
    expect(stack.resolve(prompt.promptRef.promptArn)).toEqual(stack.resolve(prompt.promptArn));
  });

  test('takes tags from Tags.of', () => {
    const { stack, prompt } = promptWith(PromptSource.fromAsset(FIXTURE));
    Tags.of(prompt).add('team', 'support');

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Prompt', {
      Tags: [{ Key: 'team', Value: 'support' }],
    });
  });

  test('warns about audio of five minutes or more', () => {
    const file = writeWav('long.wav', { dataBytes: 8000 * 301 });
    const { stack } = promptWith(PromptSource.fromAsset(file));

    Annotations.fromStack(stack).hasWarning('/Test/Welcome',
      Match.stringLikeRegexp("prompt audio 'long.wav' is 301 seconds long; Amazon Connect supports prompts shorter than 5 minutes"));
  });

  test('does not warn about short audio, and caps a data size larger than the file', () => {
    const file = writeWav('short.wav', { dataBytes: 800, declaredDataBytes: 8000 * 600 });
    const { stack } = promptWith(PromptSource.fromAsset(file));

    Annotations.fromStack(stack).hasNoWarning('/Test/Welcome', Match.anyValue());
  });

  test('fails with an empty name', () => {
    const { stack, instance } = testStack();
    expect(() => new Prompt(stack, 'Welcome', { instance, promptName: '', source: PromptSource.fromAsset(FIXTURE) }))
      .toThrow(/Test\/Welcome: prompt name must be 1 to 127 characters, got 0/);
  });

  test('fails with a name longer than 127 characters', () => {
    const { stack, instance } = testStack();
    expect(() => new Prompt(stack, 'Welcome', { instance, promptName: 'x'.repeat(128), source: PromptSource.fromAsset(FIXTURE) }))
      .toThrow(/prompt name must be 1 to 127 characters, got 128/);
  });

  test('fails with a description longer than 250 characters', () => {
    const { stack, instance } = testStack();
    expect(() => new Prompt(stack, 'Welcome', {
      instance,
      promptName: 'Welcome',
      description: 'x'.repeat(251),
      source: PromptSource.fromAsset(FIXTURE),
    })).toThrow(/description must be 1 to 250 characters, got 251/);
  });

  test('fails with an empty description', () => {
    const { stack, instance } = testStack();
    expect(() => new Prompt(stack, 'Welcome', {
      instance,
      promptName: 'Welcome',
      description: '',
      source: PromptSource.fromAsset(FIXTURE),
    })).toThrow(/description must be 1 to 250 characters, got 0/);
  });
});

describe('PromptSource.fromAsset', () => {
  test('fails when the file does not exist', () => {
    const missing = path.join(tmpDir, 'missing.wav');
    expect(() => promptWith(PromptSource.fromAsset(missing)))
      .toThrow(new RegExp(`Test/Welcome: prompt audio file '${missing}' does not exist`));
  });

  test('fails with a directory', () => {
    expect(() => promptWith(PromptSource.fromAsset(tmpDir)))
      .toThrow(/prompt audio must be a file, '.*' is a directory/);
  });

  test('fails with a file that is not .wav', () => {
    const file = path.join(tmpDir, 'welcome.mp3');
    fs.writeFileSync(file, 'ID3');
    expect(() => promptWith(PromptSource.fromAsset(file)))
      .toThrow(/prompt audio file must be a \.wav file, got 'welcome\.mp3'/);
  });

  test('fails with a file of 50 MB or more', () => {
    const file = path.join(tmpDir, 'huge.wav');
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 50 * 1024 * 1024); // sparse: takes no disk space
    expect(() => promptWith(PromptSource.fromAsset(file)))
      .toThrow(/prompt audio file must be smaller than 50 MB, 'huge\.wav' has 50\.0 MB/);
  });

  test('fails with a file that is not RIFF/WAVE', () => {
    const file = path.join(tmpDir, 'text.wav');
    fs.writeFileSync(file, 'this is not audio at all');
    expect(() => promptWith(PromptSource.fromAsset(file)))
      .toThrow(/prompt audio file 'text\.wav' is not a valid \.wav file: it does not start with a RIFF\/WAVE header/);
  });

  test('fails with a file without a fmt chunk', () => {
    const file = writeWav('nofmt.wav', { omitFmt: true });
    expect(() => promptWith(PromptSource.fromAsset(file)))
      .toThrow(/'nofmt\.wav' is not a valid \.wav file: it has no fmt chunk/);
  });

  test('fails with a file without a data chunk', () => {
    const file = writeWav('nodata.wav', { omitData: true });
    expect(() => promptWith(PromptSource.fromAsset(file)))
      .toThrow(/'nodata\.wav' is not a valid \.wav file: it has no data chunk/);
  });

  test('fails with pcm audio', () => {
    const file = writeWav('pcm.wav', { formatTag: 1, bitsPerSample: 16 });
    expect(() => promptWith(PromptSource.fromAsset(file)))
      .toThrow(/prompt audio must be 8000 Hz mono u-law, 'pcm\.wav' is 8000 Hz mono 16-bit pcm/);
  });

  test('fails with a-law audio', () => {
    const file = writeWav('alaw.wav', { formatTag: 6 });
    expect(() => promptWith(PromptSource.fromAsset(file)))
      .toThrow(/prompt audio must be 8000 Hz mono u-law, 'alaw\.wav' is 8000 Hz mono a-law/);
  });

  test('fails with another sample rate', () => {
    const file = writeWav('16k.wav', { sampleRate: 16000 });
    expect(() => promptWith(PromptSource.fromAsset(file)))
      .toThrow(/prompt audio must be 8000 Hz mono u-law, '16k\.wav' is 16000 Hz mono u-law/);
  });

  test('fails with stereo audio', () => {
    const file = writeWav('stereo.wav', { channels: 2 });
    expect(() => promptWith(PromptSource.fromAsset(file)))
      .toThrow(/prompt audio must be 8000 Hz mono u-law, 'stereo\.wav' is 8000 Hz stereo u-law/);
  });

  test('fails with an unknown encoding', () => {
    const file = writeWav('mp3inwav.wav', { formatTag: 0x55 });
    expect(() => promptWith(PromptSource.fromAsset(file)))
      .toThrow(/'mp3inwav\.wav' is 8000 Hz mono format tag 0x0055/);
  });
});

describe('PromptSource.fromBucket', () => {
  test('fails with an empty key', () => {
    const { stack, instance } = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Audio', 'my-prompts');
    expect(() => new Prompt(stack, 'Welcome', { instance, promptName: 'Welcome', source: PromptSource.fromBucket(bucket, '') }))
      .toThrow(/Test\/Welcome: prompt audio object key must not be empty/);
  });

  test('fails with a key that starts with a slash', () => {
    const { stack, instance } = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Audio', 'my-prompts');
    expect(() => new Prompt(stack, 'Welcome', { instance, promptName: 'Welcome', source: PromptSource.fromBucket(bucket, '/welcome.wav') }))
      .toThrow(/prompt audio object key must not start with '\/', got '\/welcome\.wav'/);
  });

  test('fails when the S3 URI is longer than 2000 characters', () => {
    const { stack, instance } = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Audio', 'my-prompts');
    expect(() => new Prompt(stack, 'Welcome', {
      instance,
      promptName: 'Welcome',
      source: PromptSource.fromBucket(bucket, 'a'.repeat(1990) + '.wav'),
    })).toThrow(/prompt audio S3 URI must be 1 to 2000 characters, got 2010/);
  });

  test('fails when the bucket gives a URI that is not s3://<bucket>/<key>', () => {
    const { stack, instance } = testStack();
    // a third-party IBucket implementation; aws-s3's own buckets always give s3:// URIs
    const bucket = { s3UrlForObject: (key: string) => `https://example.com/${key}` } as unknown as s3.IBucket;
    expect(() => new Prompt(stack, 'Welcome', { instance, promptName: 'Welcome', source: PromptSource.fromBucket(bucket, 'w.wav') }))
      .toThrow(/prompt audio S3 URI must be s3:\/\/<bucket>\/<key>, got 'https:\/\/example\.com\/w\.wav'/);
  });

  test('skips validation of a token key', () => {
    const { stack, instance } = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Audio', 'my-prompts');
    new Prompt(stack, 'Welcome', {
      instance,
      promptName: 'Welcome',
      source: PromptSource.fromBucket(bucket, Token.asString({ 'Fn::Sub': 'prompts/${AWS::Region}.wav' })),
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Prompt', {
      S3Uri: { 'Fn::Join': ['', ['s3://my-prompts/', { 'Fn::Sub': 'prompts/${AWS::Region}.wav' }]] },
    });
  });
});

describe('Prompt.fromPromptArn', () => {
  test('takes the id and the instance ARN from a concrete ARN', () => {
    const { stack } = testStack();
    const prompt = Prompt.fromPromptArn(stack, 'Imported', PROMPT_ARN);

    expect(prompt.promptArn).toBe(PROMPT_ARN);
    expect(prompt.promptId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(prompt.instanceArn).toBe(INSTANCE_ARN);
    expect(prompt.env.region).toBe('us-east-1');
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const stack = new Stack();
    const prompt = Prompt.fromPromptArn(stack, 'Imported', Token.asString({ Ref: 'PromptArn' }));

    expect(stack.resolve(prompt.promptId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'PromptArn' }] }] });
  });

  test.each(['not-an-arn', `${INSTANCE_ARN}/queue/abc`])('fails with the malformed ARN %p', (arn) => {
    const { stack } = testStack();
    expect(() => Prompt.fromPromptArn(stack, 'Imported', arn))
      .toThrow(/Test\/Imported: prompt ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/prompt\/<id>/);
  });
});
