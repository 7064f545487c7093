import type { PortalOrganization } from '@shuzhi/contracts';
import { useTranslation } from 'react-i18next';

/** How many datasets an organisation lists, and how many of them are open only on conditions. */
export const OrgCounts = ({ org }: { org: Pick<PortalOrganization, 'datasets' | 'conditional'> }) => {
  const { t } = useTranslation();
  return (
    <span data-testid="portal-org-counts">
      {t('openPortal.orgs.datasets', { count: org.datasets })}
      {org.conditional > 0 && t('openPortal.orgs.conditional', { count: org.conditional })}
    </span>
  );
};
