/** Records read for the preview: enough for the first lines and early rejections, read in a blink. */
export const SAMPLE_RECORDS = 200;
