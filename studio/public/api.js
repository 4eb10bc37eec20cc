// The studio API client: JSON in and out, the session cookie travels by itself, and state-changing requests
// echo the CSRF cookie in the x-csrf-token header (double submit).

/** An API error with the server's code and message. */
export class ApiError extends Error {
  constructor(status, code, message, retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

let csrfFallback = '';
let onUnauthorized = () => {};

/** Called when any request answers 401 (the session ended): the app shows the login form. */
export function whenSignedOut(handler) {
  onUnauthorized = handler;
}

export function rememberCsrf(token) {
  csrfFallback = token || '';
}

function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('sovetnik_studio_csrf='));
  return match ? decodeURIComponent(match.slice('sovetnik_studio_csrf='.length)) : csrfFallback;
}

/** Calls the studio API; resolves with the JSON body, rejects with an ApiError. */
export async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  const response = await fetch(`/api/v1/studio${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 204) return undefined;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new ApiError(response.status, data.error?.code ?? 'error', data.error?.message ?? response.statusText, Number(response.headers.get('retry-after')) || undefined);
    if (response.status === 401 && !path.startsWith('/login')) onUnauthorized();
    throw error;
  }
  return data;
}

/** The API path of a template. */
export function templatePath(key) {
  return `/templates/${encodeURIComponent(key.bot)}/${encodeURIComponent(key.use)}/${key.locale}`;
}
