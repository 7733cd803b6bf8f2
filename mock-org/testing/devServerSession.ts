// A browser session against the running dev server, for tests over HTTP: the session cookie and
// the anti-forgery token its pages carry, sent back the way the pages send them.
import { CSRF_FORM_FIELD, CSRF_HEADER, CSRF_META_NAME } from '../ui/pages/csrf';
import { CONTACT_LIST_PATH } from '../ui/pages/layout';

const TOKEN_IN_PAGE = new RegExp(`<meta name="${CSRF_META_NAME}" content="([^"]+)"\\s*/?>`);

export class DevServerSession {
    private constructor(
        readonly baseUrl: string,
        readonly cookie: string,
        readonly csrfToken: string
    ) {}

    /** Opens a page as a new browser would; then logs in as the user, when one is given, with the header's form. */
    static async open(baseUrl: string, userId?: string): Promise<DevServerSession> {
        const page = await fetch(`${baseUrl}${CONTACT_LIST_PATH}`);
        const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const token = TOKEN_IN_PAGE.exec(await page.text())?.[1];
        if (!cookie || !token) throw new Error(`${baseUrl}${CONTACT_LIST_PATH} gave no session cookie or no token`);
        const session = new DevServerSession(baseUrl, cookie, token);
        if (userId) await session.logInAs(userId);
        return session;
    }

    /** "Log in as" in the page header: the session now runs as the user. */
    async logInAs(userId: string): Promise<void> {
        const login = await this.postForm('/login-as', { userId, returnTo: CONTACT_LIST_PATH });
        if (login.status !== 303) throw new Error(`"Log in as" ${userId} answered ${login.status}`);
    }

    /** A form post with the token in its hidden field, as the Setup pages and "Log in as" send it. */
    postForm(pathName: string, form: Record<string, string>): Promise<Response> {
        return fetch(`${this.baseUrl}${pathName}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ ...form, [CSRF_FORM_FIELD]: this.csrfToken })
        });
    }

    /** A POST with the token in its header, as the preview's Apex client sends it. */
    post(pathName: string, body: string, contentType = 'application/json'): Promise<Response> {
        return fetch(`${this.baseUrl}${pathName}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: this.cookie, 'content-type': contentType, [CSRF_HEADER]: this.csrfToken },
            body
        });
    }

    get(pathName: string): Promise<Response> {
        return fetch(`${this.baseUrl}${pathName}`, { redirect: 'manual', headers: { cookie: this.cookie } });
    }
}
