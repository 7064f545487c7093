import { Card, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadUrl } from './portal-api';

type Props = { name: string; code: string; resourceId: string };

/** A copyable block of code. */
const Code = ({ text, testId }: { text: string; testId?: string }) => (
  <Typography.Paragraph copyable={{ text }} style={{ margin: 0 }} data-testid={testId}>
    <pre
      style={{
        margin: 0,
        padding: 12,
        background: '#f6f8fa',
        borderRadius: 6,
        overflowX: 'auto',
        fontSize: 12.5,
        whiteSpace: 'pre',
      }}
    >
      {text}
    </pre>
  </Typography.Paragraph>
);

/** Example calls of this very dataset: CKAN datastore_search and SQL, package_show, the downloads. */
export const ApiUsage = ({ name, code, resourceId }: Props) => {
  const { t } = useTranslation();
  const base = window.location.origin;
  const action = `${base}/api/3/action`;
  const sqlText = `SELECT * FROM "${resourceId}" LIMIT 5`;
  const curl = [
    `# ${t('openPortal.dataset.api.datastore')}`,
    `curl "${action}/datastore_search?resource_id=${resourceId}&limit=5"`,
    '',
    `# ${t('openPortal.dataset.api.sql')}`,
    `curl -G "${action}/datastore_search_sql" --data-urlencode 'sql=${sqlText}'`,
    '',
    `# ${t('openPortal.dataset.api.package')}`,
    `curl "${action}/package_show?id=${name}"`,
    '',
    `# ${t('openPortal.dataset.api.download')}`,
    `curl -o ${code}.csv "${base}${downloadUrl(code, 'csv')}"`,
    `curl -o ${code}.xlsx "${base}${downloadUrl(code, 'xlsx')}"`,
  ].join('\n');
  const python = [
    'import requests',
    '',
    `BASE = "${base}"`,
    '',
    `# ${t('openPortal.dataset.api.datastore')}`,
    'r = requests.get(',
    '    f"{BASE}/api/3/action/datastore_search",',
    `    params={"resource_id": "${resourceId}", "limit": 100, "offset": 0},`,
    '    timeout=30,',
    ')',
    'r.raise_for_status()',
    'result = r.json()["result"]',
    'print(result["total"], [f["id"] for f in result["fields"]])',
    'for record in result["records"]:',
    '    print(record)',
    '',
    `# ${t('openPortal.dataset.api.download')} (pandas)`,
    'import pandas as pd',
    `df = pd.read_csv(f"{BASE}${downloadUrl(code, 'csv')}")`,
  ].join('\n');
  return (
    <Flex vertical gap={12} data-testid="portal-api">
      <Typography.Paragraph style={{ margin: 0 }}>{t('openPortal.dataset.api.intro')}</Typography.Paragraph>
      <Card size="small">
        <Typography.Text type="secondary">{t('openPortal.dataset.api.resourceId')}：</Typography.Text>
        <Typography.Text code copyable data-testid="portal-resource-id">
          {resourceId}
        </Typography.Text>
      </Card>
      <Tabs
        items={[
          {
            key: 'curl',
            label: t('openPortal.dataset.api.curl'),
            children: <Code text={curl} testId="portal-api-curl" />,
          },
          {
            key: 'python',
            label: t('openPortal.dataset.api.python'),
            children: <Code text={python} testId="portal-api-python" />,
          },
        ]}
      />
      <Typography.Link href="/api/docs" target="_blank">
        {t('openPortal.dataset.api.docs')}
      </Typography.Link>
    </Flex>
  );
};
