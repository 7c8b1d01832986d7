/** A minimal API client with a session cookie, for test set-up through HTTP. */
export class ApiClient {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  /** Signs in and keeps the session cookie for later calls. */
  async signIn(email: string, password: string): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`Signing in as ${email} failed with ${response.status}.`);
    this.cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
  }

  /** Sends a GET request and returns the JSON body; fails on a status other than 2xx. */
  async get<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${pathAndQuery}`, {
      headers: { cookie: this.cookie },
    });
    if (!response.ok) throw new Error(`GET ${pathAndQuery} failed with ${response.status}.`);
    return (await response.json()) as T;
  }
}
