import { describe, expect, it } from 'vitest';
import { uploadFieldsRefusal } from '../../../shared/local/upload-fields.ts';

const ANCHOR = '21380185500015';
const fields = (values: Record<string, string | Buffer>) =>
  new Map(Object.entries(values).map(([name, value]) => [name, Buffer.from(value)]));

describe('uploadFieldsRefusal: what the presigned policy would enforce in S3', () => {
  it('lets a form for the own folder, naming the own anchor, go', () => {
    expect(
      uploadFieldsRefusal(
        fields({ key: `uploads/${ANCHOR}/mandats 2025.csv`, 'x-amz-meta-anchor': ANCHOR }),
        ANCHOR,
      ),
    ).toBeUndefined();
  });

  it.each([
    [
      'another anchor’s folder',
      { key: 'uploads/SYNTHETIC-regie-eaux-grenoble/x.csv', 'x-amz-meta-anchor': ANCHOR },
    ],
    [
      'an anchor whose id starts like the own',
      { key: `uploads/${ANCHOR}0/x.csv`, 'x-amz-meta-anchor': ANCHOR },
    ],
    ['another bucket folder', { key: `reports/${ANCHOR}/x.csv`, 'x-amz-meta-anchor': ANCHOR }],
    ['the folder itself', { key: `uploads/${ANCHOR}`, 'x-amz-meta-anchor': ANCHOR }],
    ['a way out of the folder', { key: `uploads/${ANCHOR}/../other/x.csv`, 'x-amz-meta-anchor': ANCHOR }],
    ['an empty segment', { key: `uploads/${ANCHOR}//x.csv`, 'x-amz-meta-anchor': ANCHOR }],
    ['a backslash', { key: `uploads/${ANCHOR}/..\\x.csv`, 'x-amz-meta-anchor': ANCHOR }],
    ['a NUL', { key: `uploads/${ANCHOR}/x.csv\u0000`, 'x-amz-meta-anchor': ANCHOR }],
    ['no key', { 'x-amz-meta-anchor': ANCHOR }],
    ['a key that is not UTF-8', { key: Buffer.from([0x75, 0xff]), 'x-amz-meta-anchor': ANCHOR }],
    ['another anchor in the metadata', { key: `uploads/${ANCHOR}/x.csv`, 'x-amz-meta-anchor': 'decp-isere' }],
    ['no anchor metadata', { key: `uploads/${ANCHOR}/x.csv` }],
  ])('refuses %s', (_, values) => {
    expect(uploadFieldsRefusal(fields(values), ANCHOR)).toEqual(expect.any(String));
  });
});
