import { BankOutlined } from '@ant-design/icons';
import { App, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from './api-errors';
import { useMe, useSwitchOrg } from './auth';

/** The current organisation; a switcher when the user belongs to several. */
export const OrgSwitcher = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const switchOrg = useSwitchOrg();
  const showError = useShowError();
  if (!me) return null;
  if (me.memberships.length <= 1) {
    return (
      <Typography.Text ellipsis style={{ maxWidth: 220 }} title={me.org.name}>
        <BankOutlined aria-hidden /> <span className="sz-hide-narrow">{me.org.name}</span>
      </Typography.Text>
    );
  }
  return (
    <Select
      data-testid="org-switcher"
      aria-label={t('header.currentOrg')}
      value={me.org.id}
      loading={switchOrg.isPending}
      popupMatchSelectWidth={false}
      style={{ maxWidth: 'min(240px, 32vw)', minWidth: 96 }}
      options={me.memberships.map((m) => ({ value: m.org.id, label: m.org.name }))}
      onChange={(orgId: string) =>
        switchOrg.mutate(orgId, {
          onSuccess: (next) => void message.success(t('header.orgSwitched', { name: next.org.name })),
          onError: (err) => showError(err),
        })
      }
    />
  );
};
