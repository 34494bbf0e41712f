/** A browser upload straight to the uploads bucket: where to POST and the signed form fields. */
export interface PresignedUpload {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly key: string;
  readonly expiresAt: string;
}

export interface UploadRequest {
  readonly bucket: string;
  readonly key: string;
  readonly maxBytes: number;
  readonly expiresSeconds: number;
  /** Metadata the upload must carry (`x-amz-meta-*`): the policy pins each value. */
  readonly metadata: Readonly<Record<string, string>>;
}

/** Signs uploads and downloads so the browser talks to S3 directly, within tight limits. */
export interface UploadSigner {
  presignPost(request: UploadRequest): Promise<PresignedUpload>;
  presignGet(bucket: string, key: string, expiresSeconds: number): Promise<string>;
}
