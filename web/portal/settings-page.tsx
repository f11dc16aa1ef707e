import { useEffect, useState } from 'preact/hooks';
import { type Api, ApiError } from '../shared/api-client.ts';
import type { Profile } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import type { PortalConfig } from '../shared/runtime-config.ts';
import { ChangeEmail } from './change-email.tsx';
import { ChangePassword } from './change-password.tsx';

type Invoice = NonNullable<Profile['invoice']>;
const NO_INVOICE: Invoice = { name: '', street: '', postalCode: '', city: '', country: 'PL' };
const INVOICE_FIELDS = ['name', 'taxId', 'street', 'postalCode', 'city', 'country'] as const;

/** The customer's settings ("5 ways"): contact data, language, invoice data, and deleting the account. */
export function SettingsPage({ api, pool, onDeleted }: { api: Api; pool: PortalConfig['customerPool']; onDeleted: () => void }) {
  const { t } = useI18n();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [wantsInvoice, setWantsInvoice] = useState(false);
  const [invoice, setInvoice] = useState<Invoice>(NO_INVOICE);
  const [issues, setIssues] = useState<{ path: string; message: string }[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const show = (loaded: Profile) => {
    setProfile(loaded);
    setWantsInvoice(loaded.invoice !== null);
    setInvoice(loaded.invoice ?? NO_INVOICE);
  };

  useEffect(() => {
    api<{ profile: Profile }>('GET', '/my/profile')
      .then(({ data }) => show(data!.profile))
      .catch((error: unknown) => setProblem((error as Error).message));
  }, []);

  if (problem) return <p role="alert">{t('link.failed', { message: problem })}</p>;
  if (!profile) return <p>{t('cases.loading')}</p>;

  const issueOf = (path: string) => issues.filter((issue) => issue.path === `body.${path}`).map((issue) => issue.message).join('; ');
  const input = (id: string, label: string, value: string, onInput: (value: string) => void, path = id) => (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        {...(issueOf(path) ? { 'aria-invalid': true, 'aria-describedby': `${id}-issue` } : {})}
      />
      {issueOf(path) && (
        <p id={`${id}-issue`} class="field-issue">
          {issueOf(path)}
        </p>
      )}
    </>
  );

  const save = async () => {
    const blankToNull = (value: string | null) => (value && value.trim() ? value.trim() : null);
    const invoiceBody = Object.fromEntries(Object.entries(invoice).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
    try {
      const { data } = await api<{ profile: Profile }>('PATCH', '/my/profile', {
        body: { name: blankToNull(profile.name), phone: blankToNull(profile.phone), language: profile.language, invoice: wantsInvoice ? invoiceBody : null },
      });
      show(data!.profile);
      setIssues([]);
      setNotice(t('settings.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setIssues(error.issues);
        setNotice(null);
      } else setProblem((error as Error).message);
    }
  };

  const remove = async () => {
    if (!confirm(t('settings.deleteConfirm'))) return;
    try {
      await api('DELETE', '/my/account');
      onDeleted();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <form
        class="stacked wide"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {input('name', t('settings.name'), profile.name ?? '', (name) => setProfile({ ...profile, name }))}
        {input('phone', t('settings.phone'), profile.phone ?? '', (phone) => setProfile({ ...profile, phone }))}
        <label for="language">{t('portal.language')}</label>
        <select id="language" value={profile.language} onChange={(e) => setProfile({ ...profile, language: e.currentTarget.value as Profile['language'] })}>
          <option value="pl">Polski</option>
          <option value="en">English</option>
        </select>
        <label class="check">
          <input type="checkbox" checked={wantsInvoice} onChange={(e) => setWantsInvoice(e.currentTarget.checked)} />
          <span>{t('settings.wantsInvoice')}</span>
        </label>
        {wantsInvoice && (
          <fieldset class="stacked">
            <legend>{t('settings.invoice')}</legend>
            {INVOICE_FIELDS.map((key) =>
              input(`invoice-${key}`, t(`settings.invoice.${key}`), invoice[key] ?? '', (value) => setInvoice({ ...invoice, [key]: value }), `invoice.${key}`),
            )}
          </fieldset>
        )}
        {notice && (
          <p role="status" class="notice">
            {notice}
          </p>
        )}
        <button type="submit">{t('settings.save')}</button>
      </form>
      <ChangeEmail api={api} email={profile.email} />
      <ChangePassword pool={pool} />
      <section aria-labelledby="delete-title" class="danger">
        <h2 id="delete-title">{t('settings.deleteTitle')}</h2>
        <p>{t('settings.deleteHelp')}</p>
        <button type="button" class="secondary" onClick={() => void remove()}>
          {t('settings.delete')}
        </button>
      </section>
    </section>
  );
}
