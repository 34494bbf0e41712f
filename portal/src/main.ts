import './styles.css';
import { ApiClient } from './api/api-client.ts';
import { ApiError } from './api/api-error.ts';
import { CognitoSession } from './auth/cognito-session.ts';
import { loadConfig, type PortalConfig } from './config.ts';
import { h, replace } from './dom.ts';
import { LanguageState } from './i18n/language.ts';
import { signInPage } from './pages/sign-in-page.ts';
import { languageButton, Shell } from './shell.ts';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
const app = root;
const i18n = new LanguageState(localStorage);

async function start(config: PortalConfig): Promise<void> {
  document.documentElement.lang = i18n.language;
  const cognito = config.auth.mode === 'cognito' ? new CognitoSession(config.auth) : undefined;
  await cognito?.completeSignIn();
  const api = new ApiClient(config.apiUrl, () => cognito?.token());
  const restart = () => void start(config);
  try {
    const me = await api.me();
    const shell = new Shell(app, api, i18n, me, async () => {
      if (cognito) cognito.signOut();
      else await api.localSignOut();
      restart();
    });
    api.onSignedOut = restart;
    shell.start();
  } catch (error) {
    if (!(error instanceof ApiError && (error.status === 401 || error.status === 403))) throw error;
    i18n.onChange(restart);
    replace(
      app,
      h('header', { class: 'top' }, h('p', { class: 'brand' }, i18n.messages.appName), languageButton(i18n)),
      h('main', { id: 'content' }, await signInPage(api, i18n, cognito, restart)),
    );
  }
}

loadConfig()
  .then(start)
  .catch((error: unknown) => {
    replace(
      app,
      h('main', { id: 'content' }, h('p', { class: 'error', role: 'alert' }, (error as Error).message)),
    );
  });
