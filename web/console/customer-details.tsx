import type { Customer } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';

/** A customer's contact data, invoice data and whether they have a portal account, as a description list. */
export function CustomerDetails({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  const rows: [string, string | null][] = [
    [t('customer.name'), customer.name],
    [t('customer.email'), customer.email],
    [t('customer.phone'), customer.phone],
    [t('customer.externalId'), customer.externalId],
    [t('customer.account'), customer.account ? t('customer.accountSince', { language: customer.account.language.toUpperCase() }) : null],
    [
      t('customer.invoice'),
      customer.invoice
        ? [customer.invoice.name, customer.invoice.taxId, customer.invoice.street, `${customer.invoice.postalCode} ${customer.invoice.city}`, customer.invoice.country]
            .filter(Boolean)
            .join(', ')
        : null,
    ],
  ];
  return (
    <dl>
      {rows
        .filter(([, value]) => value !== null)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
