import * as fs from 'fs';

/** WAVE format tags (the `wFormatTag` of the `fmt ` chunk) that matter for Amazon Connect prompts. */
export const WAVE_FORMAT_PCM = 0x0001;
export const WAVE_FORMAT_ALAW = 0x0006;
export const WAVE_FORMAT_MULAW = 0x0007;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** What the header of a RIFF/WAVE file says about its audio. */
export interface WavInfo {
  /** The audio encoding (for WAVE_FORMAT_EXTENSIBLE files, the sub-format's tag). */
  readonly formatTag: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  /** Average bytes per second, as the header declares it. */
  readonly byteRate: number;
  /** The length of the audio in seconds (from the `data` chunk's size, capped at the bytes the file holds). */
  readonly durationSeconds: number;
}

/** The most chunks to walk before giving up (a well-formed prompt file has a handful). */
const MAX_CHUNKS = 1000;

/**
 * Reads the header of a RIFF/WAVE file without loading the audio.
 *
 * Walks the RIFF chunks (word-aligned) to find `fmt ` and `data`, so files with `LIST`, `fact` or other chunks
 * before them are understood.
 *
 * @returns the header's facts, or a lowercase sentence saying why the file is not a usable WAVE file
 */
export function readWavInfo(path: string): WavInfo | string {
  const fd = fs.openSync(path, 'r');
  try {
    const fileSize = fs.fstatSync(fd).size;
    const read = (offset: number, length: number): Buffer => {
      const buffer = Buffer.alloc(length);
      const got = fs.readSync(fd, buffer, 0, length, offset);
      return buffer.subarray(0, got);
    };

    const riff = read(0, 12);
    if (riff.length < 12 || riff.toString('latin1', 0, 4) !== 'RIFF' || riff.toString('latin1', 8, 12) !== 'WAVE') {
      return 'it does not start with a RIFF/WAVE header';
    }

    let fmt: Omit<WavInfo, 'durationSeconds'> | undefined;
    let dataBytes: number | undefined;
    let offset = 12;
    for (let i = 0; i < MAX_CHUNKS && offset + 8 <= fileSize && (fmt === undefined || dataBytes === undefined); i++) {
      const header = read(offset, 8);
      const chunkId = header.toString('latin1', 0, 4);
      const chunkSize = header.readUInt32LE(4);
      if (chunkId === 'fmt ') {
        const body = read(offset + 8, Math.min(chunkSize, 40));
        if (body.length < 16) {
          return 'its fmt chunk is truncated';
        }
        let formatTag = body.readUInt16LE(0);
        if (formatTag === WAVE_FORMAT_EXTENSIBLE && body.length >= 26) {
          // the sub-format GUID starts at byte 24; its first two bytes are the actual format tag
          formatTag = body.readUInt16LE(24);
        }
        fmt = {
          formatTag,
          channels: body.readUInt16LE(2),
          sampleRate: body.readUInt32LE(4),
          byteRate: body.readUInt32LE(8),
          bitsPerSample: body.readUInt16LE(14),
        };
      } else if (chunkId === 'data') {
        dataBytes = Math.min(chunkSize, fileSize - offset - 8);
      }
      offset += 8 + chunkSize + (chunkSize % 2);
    }

    if (fmt === undefined) {
      return 'it has no fmt chunk';
    }
    if (dataBytes === undefined) {
      return 'it has no data chunk';
    }
    return {
      ...fmt,
      durationSeconds: fmt.byteRate > 0 ? dataBytes / fmt.byteRate : 0,
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** A short description of an encoding, for error messages. */
export function describeWavFormat(info: WavInfo): string {
  const encoding = info.formatTag === WAVE_FORMAT_MULAW ? 'u-law'
    : info.formatTag === WAVE_FORMAT_ALAW ? 'a-law'
      : info.formatTag === WAVE_FORMAT_PCM ? `${info.bitsPerSample}-bit pcm`
        : `format tag 0x${info.formatTag.toString(16).padStart(4, '0')}`;
  const channels = info.channels === 1 ? 'mono' : info.channels === 2 ? 'stereo' : `${info.channels} channels`;
  return `${info.sampleRate} Hz ${channels} ${encoding}`;
}
