import * as fs from 'fs';
import * as path from 'path';
import { Annotations, IResource, Resource, Token } from 'aws-cdk-lib';
import { CfnPrompt } from 'aws-cdk-lib/aws-connect';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { fail, validateDescription, validateLength, validatePattern } from '../private/validation';
import { describeWavFormat, readWavInfo, WAVE_FORMAT_MULAW } from '../private/wav';

/**
 * An Amazon Connect prompt, defined in this app or imported.
 */
export interface IPrompt extends IResource, connectRefs.IPromptRef {
  /**
   * The ARN of the prompt.
   *
   * @attribute
   */
  readonly promptArn: string;

  /**
   * The id of the prompt.
   *
   * @attribute
   */
  readonly promptId: string;

  /**
   * The ARN of the instance the prompt belongs to.
   */
  readonly instanceArn: string;
}

abstract class PromptBase extends Resource implements IPrompt {
  public abstract readonly promptArn: string;
  public abstract readonly promptId: string;
  public abstract readonly instanceArn: string;

  public get promptRef(): connectRefs.PromptReference {
    return { promptArn: this.promptArn };
  }
}

/** The largest audio file Amazon Connect accepts for a prompt: less than 50 MB. */
const MAX_AUDIO_BYTES = 50 * 1024 * 1024;

/** The longest prompt Amazon Connect supports: less than five minutes. */
const MAX_AUDIO_SECONDS = 5 * 60;

/** The sample rate Amazon Connect plays prompts at. */
const PROMPT_SAMPLE_RATE = 8000;

/** `S3Uri` of AWS::Connect::Prompt: `s3://<bucket>/<key>` (the https form is for pre-signed URLs). */
const S3_URI = /^s3:\/\/\S+\/.+$/s;
const MAX_S3_URI_LENGTH = 2000;

/**
 * The result of binding a prompt source to a prompt.
 */
export interface PromptSourceConfig {
  /**
   * The `s3://<bucket>/<key>` URI that Amazon Connect reads the audio from when it creates or updates the prompt.
   */
  readonly s3Uri: string;
}

/**
 * Where the audio of a prompt comes from.
 *
 * Amazon Connect copies the audio when it creates (or updates) the prompt: the S3 object is read once, at deploy
 * time, and does not have to stay in the bucket afterwards. The audio must be a `.wav` file, 8 kHz, mono, u-law
 * (G.711 µ-law) encoded, smaller than 50 MB and shorter than five minutes; other encodings do not play correctly.
 * Convert a file with, for example, `ffmpeg -i in.mp3 -ar 8000 -ac 1 -acodec pcm_mulaw out.wav`.
 *
 * Who reads the object: `CreatePrompt` and `UpdatePrompt` read it with the credentials of the caller (here,
 * CloudFormation acting with the stack's execution role, or the deploying identity when there is none), not with
 * a bucket policy for `connect.amazonaws.com` (that is only needed by flows that play audio straight from S3 at
 * contact time). The caller needs `s3:GetObject` and `s3:GetObjectAcl` on the object, and `kms:Decrypt` when the
 * bucket uses SSE-KMS.
 */
export abstract class PromptSource {
  /**
   * An audio file that is already in an S3 bucket.
   *
   * The role CloudFormation deploys the stack with must be able to read the object (`s3:GetObject`,
   * `s3:GetObjectAcl`, and `kms:Decrypt` when the bucket is encrypted with a KMS key); the CDK bootstrap's
   * execution role can, unless it was bootstrapped with restricted execution policies. The bucket must be in the
   * stack's Region when that Region is an opt-in Region.
   *
   * @param bucket the bucket that holds the audio
   * @param key the object key of the `.wav` file
   */
  public static fromBucket(bucket: s3.IBucket, key: string): PromptSource {
    return new BucketPromptSource(bucket, key);
  }

  /**
   * A local `.wav` file, uploaded as a CDK file asset.
   *
   * The file is checked at synth time: it must exist, have the `.wav` extension, be smaller than 50 MB and hold
   * 8 kHz mono u-law audio (a file that is five minutes or longer gets a warning).
   *
   * The asset goes to the CDK bootstrap bucket, and that is enough: Amazon Connect reads the object with the
   * credentials CloudFormation deploys with (the bootstrap's execution role, which can read the asset bucket and
   * decrypt with its key), so no bucket policy for Amazon Connect and no bucket of our own are needed, and the
   * object may expire from the asset bucket later because Amazon Connect keeps its own copy.
   *
   * @param filePath the path of the `.wav` file (relative paths are resolved from the current directory)
   */
  public static fromAsset(filePath: string): PromptSource {
    return new AssetPromptSource(filePath);
  }

  /**
   * Called when a prompt is defined with this source.
   *
   * @param scope the prompt
   */
  public abstract bind(scope: Construct): PromptSourceConfig;
}

/** An object in a bucket. */
class BucketPromptSource extends PromptSource {
  private readonly bucket: s3.IBucket;
  private readonly key: string;

  constructor(bucket: s3.IBucket, key: string) {
    super();
    this.bucket = bucket;
    this.key = key;
  }

  public bind(scope: Construct): PromptSourceConfig {
    if (!Token.isUnresolved(this.key)) {
      if (this.key.length === 0) {
        fail(scope, 'prompt audio object key must not be empty');
      }
      if (this.key.startsWith('/')) {
        fail(scope, `prompt audio object key must not start with '/', got '${this.key}'`);
      }
    }
    const s3Uri = this.bucket.s3UrlForObject(this.key);
    validatePattern(scope, 'prompt audio S3 URI', s3Uri, S3_URI, 's3://<bucket>/<key>');
    validateLength(scope, 'prompt audio S3 URI', s3Uri, 1, MAX_S3_URI_LENGTH);
    return { s3Uri };
  }
}

/** A local file uploaded as an asset. */
class AssetPromptSource extends PromptSource {
  private readonly filePath: string;

  constructor(filePath: string) {
    super();
    this.filePath = filePath;
  }

  public bind(scope: Construct): PromptSourceConfig {
    const absolute = path.resolve(this.filePath);
    validateAudioFile(scope, absolute);
    const asset = new s3_assets.Asset(scope, 'Asset', { path: absolute });
    return { s3Uri: asset.s3ObjectUrl };
  }
}

/** Checks that a local file is audio Amazon Connect can use as a prompt. */
function validateAudioFile(scope: Construct, file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    fail(scope, `prompt audio file '${file}' does not exist`);
  }
  if (!stat.isFile()) {
    fail(scope, `prompt audio must be a file, '${file}' is a directory`);
  }
  if (path.extname(file).toLowerCase() !== '.wav') {
    fail(scope, `prompt audio file must be a .wav file, got '${path.basename(file)}'`);
  }
  if (stat.size >= MAX_AUDIO_BYTES) {
    fail(scope, `prompt audio file must be smaller than 50 MB, '${path.basename(file)}' has ${(stat.size / 1024 / 1024).toFixed(1)} MB`);
  }
  const info = readWavInfo(file);
  if (typeof info === 'string') {
    fail(scope, `prompt audio file '${path.basename(file)}' is not a valid .wav file: ${info}`);
  }
  if (info.formatTag !== WAVE_FORMAT_MULAW || info.sampleRate !== PROMPT_SAMPLE_RATE || info.channels !== 1) {
    fail(scope, `prompt audio must be 8000 Hz mono u-law, '${path.basename(file)}' is ${describeWavFormat(info)}`);
  }
  if (info.durationSeconds >= MAX_AUDIO_SECONDS) {
    Annotations.of(scope).addWarningV2('cdk-connect:promptAudioTooLong',
      `prompt audio '${path.basename(file)}' is ${Math.round(info.durationSeconds)} seconds long; Amazon Connect supports prompts shorter than 5 minutes`);
  }
}

/**
 * Properties of a prompt.
 */
export interface PromptProps {
  /**
   * The instance the prompt belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the prompt (1 to 127 characters), as the Amazon Connect admin website and flows show it.
   */
  readonly promptName: string;

  /**
   * The audio of the prompt: `PromptSource.fromAsset('audio/welcome.wav')` or
   * `PromptSource.fromBucket(bucket, 'prompts/welcome.wav')`.
   */
  readonly source: PromptSource;

  /**
   * A description of the prompt (1 to 250 characters).
   *
   * @default - no description
   */
  readonly description?: string;
}

/**
 * An Amazon Connect prompt: an audio file that flows play to callers (greetings, menus, hold music).
 *
 * ```ts
 * new Prompt(this, 'Welcome', {
 *   instance,
 *   promptName: 'Welcome',
 *   source: PromptSource.fromAsset(path.join(__dirname, 'audio', 'welcome.wav')),
 * });
 * ```
 *
 * Changing the source (a new file, or a new asset hash) updates the prompt in place; Amazon Connect reads the
 * new audio during the update.
 *
 * @resource AWS::Connect::Prompt
 */
export class Prompt extends PromptBase {
  /**
   * Imports a prompt by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/prompt/<id>`).
   */
  public static fromPromptArn(scope: Construct, id: string, promptArn: string): IPrompt {
    class Import extends PromptBase {
      public readonly promptArn = promptArn;
      public readonly promptId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(promptArn) });
        const parts = parseInstanceResourceArn(this, promptArn, 'prompt', 'prompt');
        this.promptId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the prompt.
   *
   * @attribute
   */
  public readonly promptArn: string;

  /**
   * The id of the prompt.
   *
   * @attribute
   */
  public get promptId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._promptId ?? (this._promptId = resourceIdOfArn(this, this.promptArn, 'prompt', 'prompt'));
  }

  private _promptId?: string;

  /**
   * The ARN of the instance the prompt belongs to.
   */
  public readonly instanceArn: string;

  constructor(scope: Construct, id: string, props: PromptProps) {
    super(scope, id);

    validateLength(this, 'prompt name', props.promptName, 1, 127);
    validateDescription(this, props.description, 250);

    const source = props.source.bind(this);

    const resource = new CfnPrompt(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name: props.promptName,
      description: props.description,
      s3Uri: source.s3Uri,
    });
    fixLogicalIdAtSynthesis(resource);

    this.promptArn = resource.attrPromptArn;
    this.instanceArn = props.instance.instanceArn;
  }
}
