import { UserOutlined } from '@ant-design/icons';
import type { Meta } from '@shuzhi/contracts';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTag } from './roles';

type Account = Meta['demoAccounts'][number];

/** The demo server's accounts; a click fills the login form. */
export const DemoAccounts = ({ accounts, onPick }: { accounts: Account[]; onPick: (a: Account) => void }) => {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('login.demoAccounts')} data-testid="demo-accounts">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('login.demoAccountsHint')}
      </Typography.Paragraph>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
        {accounts.map((account) => (
          <li key={account.username}>
            <Button
              block
              aria-label={t('login.useDemo', { username: account.username })}
              style={{ height: 'auto', justifyContent: 'flex-start', textAlign: 'start', paddingBlock: 6 }}
              onClick={() => onPick(account)}
            >
              <UserOutlined aria-hidden />
              <span style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center', minWidth: 0 }}>
                <code>{account.username}</code>
                <RoleTag role={account.role} />
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
                  {account.orgName}
                </Typography.Text>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
};
