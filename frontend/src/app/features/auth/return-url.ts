/**
 * Returns `value` when it is a path inside this application, else `/home`. This keeps the
 * sign-in page from redirecting to another site through a crafted `returnUrl`.
 */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/home';
  }
  return value.startsWith('/sign-in') ? '/home' : value;
}
