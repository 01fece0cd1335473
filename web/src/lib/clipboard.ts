/** Copies text; falls back to selecting the input and `execCommand` where the Clipboard API is refused. */
export async function copyText(input: HTMLInputElement | null, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    input?.select();
    return document.execCommand('copy');
  }
}

/** The server's own wheel of the sync client (`GET /client/` on the server says the same). */
export function installCommand(origin: string, version: string): string {
  return `pipx install ${origin}/client/dropbox_lite-${version}-py3-none-any.whl`;
}
