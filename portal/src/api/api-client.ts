import type {
  DatasetDetail,
  DatasetList,
  Language,
  LocalAnchors,
  LocalSessionRequest,
  MappingProfile,
  MappingProfileList,
  MeResponse,
  OverrideRequest,
  OverrideSaved,
  RebuildAccepted,
  RebuildRequest,
  ReportList,
  SetAsideRequest,
  SupplierDetail,
  SupplierLines,
  SupplierSearch,
  SurveyAnswersImport,
  SurveyAnswersUpload,
  SurveyCandidates,
  SurveyInvitation,
  SurveyList,
  SurveyOpened,
  SurveyOpenRequest,
  SurveyReminder,
  SurveyReminderRequest,
  UnmatchedSuppliers,
  UploadForm,
  UploadRequest,
} from '../../../shared/contracts/portal-api.ts';
import { ApiError } from './api-error.ts';

/** Which page of a paged list: the `nextCursor` of the page before (none for the first), and its length. */
export interface PageRequest {
  readonly cursor?: string | undefined;
  readonly limit?: number;
}

const pageQuery = ({ cursor, limit }: PageRequest): string => {
  const params = new URLSearchParams({
    ...(cursor ? { cursor } : {}),
    ...(limit ? { limit: String(limit) } : {}),
  });
  const query = params.toString();
  return query ? `?${query}` : '';
};

/** The bearer token of a cloud session; undefined locally, where a same-origin cookie carries the session. */
export type TokenSource = () => string | undefined;

/** The portal API, one typed method per route of `shared/contracts/portal-api.ts`. */
export class ApiClient {
  /** Called when the API says the session is gone (401), so the page can ask to sign in again. */
  onSignedOut: () => void = () => {};

  constructor(
    private readonly baseUrl: string,
    private readonly token: TokenSource,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (response.status === 401) this.onSignedOut();
    if (!response.ok) throw await ApiError.from(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** A same-origin file of the API (the rejects CSV) as text, with the session's credentials. */
  async text(path: string): Promise<string> {
    const token = this.token();
    const response = await fetch(`${this.baseUrl}${path}`, {
      credentials: 'same-origin',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok) throw await ApiError.from(response);
    return response.text();
  }

  me = () => this.call<MeResponse>('GET', '/me');
  presignUpload = (request: UploadRequest) => this.call<UploadForm>('POST', '/uploads', request);
  /** One page of the caller's datasets, newest first (the API's default length without `limit`). */
  datasets = (page: PageRequest = {}) => this.call<DatasetList>('GET', `/datasets${pageQuery(page)}`);
  dataset = (id: string) => this.call<DatasetDetail>('GET', `/datasets/${encodeURIComponent(id)}`);
  /** One page of a dataset's unmatched suppliers, largest spend first. */
  unmatchedSuppliers = (id: string, page: PageRequest = {}) =>
    this.call<UnmatchedSuppliers>(
      'GET',
      `/datasets/${encodeURIComponent(id)}/unmatched-suppliers${pageQuery(page)}`,
    );
  searchSuppliers = (query: string, cursor?: string) => {
    const params = new URLSearchParams({ q: query, limit: '25', ...(cursor ? { cursor } : {}) });
    return this.call<SupplierSearch>('GET', `/suppliers?${params}`);
  };
  supplier = (key: string) => this.call<SupplierDetail>('GET', `/suppliers/${encodeURIComponent(key)}`);
  /** One page of a supplier's lines; with `dataset`, in that file only. */
  supplierLines = (
    key: string,
    page: { readonly dataset?: string; readonly cursor?: string | undefined; readonly limit: number },
  ) => {
    const params = new URLSearchParams({
      limit: String(page.limit),
      ...(page.dataset ? { dataset: page.dataset } : {}),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
    return this.call<SupplierLines>('GET', `/suppliers/${encodeURIComponent(key)}/lines?${params}`);
  };
  override = (key: string, request: OverrideRequest) =>
    this.call<OverrideSaved>('PUT', `/suppliers/${encodeURIComponent(key)}/override`, request);
  mappingProfiles = () => this.call<MappingProfileList>('GET', '/mapping-profiles');
  saveMappingProfile = (profile: MappingProfile) =>
    this.call<MappingProfile>('PUT', `/mapping-profiles/${encodeURIComponent(profile.id)}`, profile);
  reports = () => this.call<ReportList>('GET', '/reports');
  rebuildReports = (request: RebuildRequest = {}) =>
    this.call<RebuildAccepted>('POST', '/reports/rebuild', request);
  /** The anchor's survey invitations, largest spend first, with who answered. */
  surveys = () => this.call<SurveyList>('GET', '/surveys');
  /** One page of the anchor's suppliers to invite: the largest local ones first. */
  surveyCandidates = (page: PageRequest = {}) =>
    this.call<SurveyCandidates>('GET', `/surveys/candidates${pageQuery(page)}`);
  openSurvey = (request: SurveyOpenRequest) => this.call<SurveyOpened>('POST', '/surveys', request);
  /** The refused rows' reasons come in `language`, the officer's. */
  uploadSurveyAnswers = (upload: SurveyAnswersUpload, language: Language) =>
    this.call<SurveyAnswersImport>('POST', `/surveys/answers?lang=${language}`, upload);
  remindSurvey = (key: string, request: SurveyReminderRequest) =>
    this.call<SurveyReminder>('POST', `/surveys/${encodeURIComponent(key)}/reminder`, request);
  setSurveyAnswerAside = (key: string, request: SetAsideRequest) =>
    this.call<SurveyInvitation>('PUT', `/surveys/${encodeURIComponent(key)}/set-aside`, request);

  // Only under `ancrage serve`.
  localAnchors = () => this.call<LocalAnchors>('GET', '/local/anchors');
  localSignIn = (request: LocalSessionRequest) => this.call<void>('POST', '/local/session', request);
  localSignOut = () => this.call<void>('DELETE', '/local/session');
}
