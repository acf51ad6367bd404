/* eslint-disable @typescript-eslint/no-require-imports */
// aws-cdk-lib modules that only some uses of a construct need (metrics, grants), required on first use so that an
// app loads what it uses (bench/synth measures it). Import their types with `import type`, and their values from here.

/** `aws-cdk-lib/aws-cloudwatch`, for metrics. */
export const cloudwatchModule = (): typeof import('aws-cdk-lib/aws-cloudwatch') => require('aws-cdk-lib/aws-cloudwatch');

/** `aws-cdk-lib/aws-iam`, for grants and principals. */
export const iamModule = (): typeof import('aws-cdk-lib/aws-iam') => require('aws-cdk-lib/aws-iam');

/** `aws-cdk-lib/aws-voiceid`, for Voice ID domains. */
export const voiceIdModule = (): typeof import('aws-cdk-lib/aws-voiceid') => require('aws-cdk-lib/aws-voiceid');
