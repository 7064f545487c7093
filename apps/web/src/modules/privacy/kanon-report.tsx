import type { Generalisation, KanonCheck } from '@shuzhi/contracts';
import { Alert, Descriptions, Flex, List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** One generalisation as a tag: the field and what happens to it. */
export const GeneralisationTag = ({ field, g }: { field?: string; g: Generalisation }) => {
  const { t } = useTranslation();
  return (
    <Tag color={g === 'drop' ? 'red' : 'blue'}>
      {field ? `${field}: ` : ''}
      {t(`privacy.kanon.g.${g}`)}
    </Tag>
  );
};

/** A finished check: verdict, counts, class sizes and the generalisations that would reach k. */
export const KanonReport = ({ check }: { check: KanonCheck }) => {
  const { t } = useTranslation();
  if (check.status === 'running') return <Alert type="info" showIcon title={t('privacy.kanon.running')} />;
  if (check.status === 'failed')
    return <Alert type="error" showIcon title={t('privacy.kanon.failedRun', { error: check.error ?? '' })} />;
  const verdict = check.passed
    ? t('privacy.kanon.passed', { smallest: check.smallestClass ?? 0, k: check.k })
    : t('privacy.kanon.failed', {
        smallest: check.smallestClass ?? 0,
        classes: check.classesBelowK ?? 0,
        rows: check.rowsBelowK ?? 0,
        k: check.k,
      });
  return (
    <Flex vertical gap={16} data-testid="kanon-report">
      <Alert
        type={check.passed ? 'success' : 'warning'}
        showIcon
        title={verdict}
        data-testid="kanon-verdict"
      />
      {check.stale && (
        <Alert type="warning" showIcon title={t('privacy.kanon.stale')} data-testid="kanon-stale" />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 5 }}>
        <Descriptions.Item label={t('privacy.kanon.rows')}>{check.rows}</Descriptions.Item>
        <Descriptions.Item label={t('privacy.kanon.classes')}>{check.classes}</Descriptions.Item>
        <Descriptions.Item label={t('privacy.kanon.smallest')}>
          <span data-testid="kanon-smallest">{check.smallestClass ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('privacy.kanon.classesBelow')}>{check.classesBelowK}</Descriptions.Item>
        <Descriptions.Item label={t('privacy.kanon.rowsBelow')}>{check.rowsBelowK}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t('privacy.kanon.histogram')}
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="from"
        dataSource={check.sizeHistogram}
        columns={[
          {
            title: t('privacy.kanon.size'),
            render: (_, b) =>
              b.to === null ? `≥ ${b.from}` : b.from === b.to ? b.from : `${b.from}–${b.to}`,
          },
          { title: t('privacy.kanon.classCount'), dataIndex: 'classes' },
          { title: t('privacy.kanon.rowCount'), dataIndex: 'rows' },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t('privacy.kanon.suggestions')}
      </Typography.Title>
      <List
        data-testid="kanon-suggestions"
        size="small"
        bordered
        locale={{ emptyText: t('privacy.kanon.noSuggestions') }}
        dataSource={check.suggestions}
        renderItem={(s) => (
          <List.Item>
            <Flex gap={8} wrap align="center">
              {s.steps.map((step) => (
                <GeneralisationTag key={step.field} field={step.field} g={step.generalisation} />
              ))}
              <Typography.Text type="secondary">{t('privacy.kanon.keep')}</Typography.Text>
              {s.passes ? (
                <Tag color="green">
                  {t('privacy.kanon.reaches')} · {t('privacy.kanon.smallest')} {s.smallestClass}
                </Tag>
              ) : (
                <Tag color="orange">{t('privacy.kanon.notReaches', { rows: s.rowsBelowK })}</Tag>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
};
