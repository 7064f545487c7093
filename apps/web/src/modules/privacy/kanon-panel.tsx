import type { Dataset } from '@shuzhi/contracts';
import { Alert, App, Button, Card, Checkbox, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { formatDateTime } from '../../ui/format';
import { GeneralisationTag, KanonReport } from './kanon-report';
import { useKanonChecks, usePrivacySettings, useSaveQuasiIdentifiers, useStartCheck } from './privacy-api';

/** Marking quasi-identifiers, running the check and reading its report. */
export const KanonPanel = ({ dataset }: { dataset: Dataset }) => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const settings = usePrivacySettings(dataset.id);
  const checks = useKanonChecks(dataset.id);
  const save = useSaveQuasiIdentifiers(dataset.id);
  const start = useStartCheck(dataset.id);
  const [marked, setMarked] = useState<string[]>([]);
  useEffect(() => {
    if (settings.data) setMarked(settings.data.fields.filter((f) => f.marked).map((f) => f.field));
  }, [settings.data]);

  if (settings.isPending) return <Skeleton active />;
  if (settings.error) return <Alert type="error" showIcon title={settings.error.message} />;
  const s = settings.data;
  const saved = s.fields.filter((f) => f.marked).map((f) => f.field);
  const dirty = [...marked].sort().join() !== [...saved].sort().join();
  const latest = checks.data?.items[0];

  return (
    <Flex vertical gap={16}>
      <Alert
        type={s.personal ? 'warning' : 'info'}
        showIcon
        title={`${s.personal ? t('privacy.kanon.personal') : t('privacy.kanon.notPersonal')} · ${t('privacy.kanon.needK', { k: s.k })}`}
        description={t('privacy.kanon.intro')}
      />
      {s.release.status !== 'not_open' && (
        <Alert
          data-testid="kanon-release"
          type={s.release.status === 'released' ? 'success' : 'error'}
          showIcon
          title={t(`privacy.kanon.${s.release.status}`)}
          description={
            s.release.status === 'withheld'
              ? t('privacy.kanon.withheldHint', {
                  reason: i18n.language === 'en' ? s.release.reasonEn : s.release.reasonZh,
                })
              : undefined
          }
        />
      )}
      <Card title={t('privacy.kanon.quasiIdentifiers')}>
        <Table
          size="small"
          pagination={false}
          rowKey="field"
          dataSource={s.fields}
          data-testid="kanon-fields"
          columns={[
            {
              title: '',
              width: 48,
              render: (_, f) => (
                <Checkbox
                  aria-label={f.field}
                  data-testid={`qi-${f.field}`}
                  checked={marked.includes(f.field)}
                  onChange={(e) =>
                    setMarked((m) => (e.target.checked ? [...m, f.field] : m.filter((x) => x !== f.field)))
                  }
                />
              ),
            },
            {
              title: t('privacy.kanon.field'),
              render: (_, f) => (
                <>
                  {f.title} <Typography.Text type="secondary">{f.field}</Typography.Text>
                </>
              ),
            },
            {
              title: t('privacy.kanon.sensitivity'),
              dataIndex: 'sensitivity',
              render: (v: string) => <Tag color={v === 'none' ? 'default' : 'volcano'}>{v}</Tag>,
            },
            {
              title: t('privacy.kanon.generalisations'),
              render: (_, f) => f.generalisations.map((g) => <GeneralisationTag key={g} g={g} />),
            },
          ]}
        />
        <Flex gap={8} style={{ marginTop: 16 }} wrap>
          <Button
            data-testid="kanon-save"
            disabled={!dirty || marked.length === 0}
            loading={save.isPending}
            onClick={() =>
              save.mutate(marked, {
                onSuccess: () => void message.success(t('privacy.kanon.saved')),
                onError: (e) => showError(e),
              })
            }
          >
            {t('privacy.kanon.save')}
          </Button>
          <Button
            type="primary"
            data-testid="kanon-run"
            disabled={
              dirty || saved.length === 0 || dataset.status !== 'published' || latest?.status === 'running'
            }
            loading={start.isPending}
            onClick={() =>
              start.mutate(undefined, {
                onSuccess: () => void message.info(t('privacy.kanon.started')),
                onError: (e) => showError(e),
              })
            }
          >
            {t('privacy.kanon.run')}
          </Button>
        </Flex>
        {dataset.status !== 'published' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('privacy.kanon.needPublished')}
          </Typography.Paragraph>
        )}
      </Card>
      <Card title={t('privacy.kanon.report')}>
        {latest ? (
          <KanonReport check={latest} />
        ) : (
          <Typography.Text type="secondary">{t('privacy.kanon.noCheck')}</Typography.Text>
        )}
      </Card>
      {(checks.data?.items.length ?? 0) > 1 && (
        <Card title={t('privacy.kanon.history')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={checks.data?.items}
            columns={[
              { title: t('privacy.kanon.at'), render: (_, c) => formatDateTime(c.createdAt) },
              { title: t('privacy.kanon.by'), dataIndex: 'createdBy' },
              { title: t('privacy.kanon.quasiIdentifiers'), render: (_, c) => c.quasiIdentifiers.join(', ') },
              { title: t('privacy.kanon.smallest'), dataIndex: 'smallestClass' },
              {
                title: t('privacy.kanon.result'),
                render: (_, c) =>
                  c.status !== 'done' ? (
                    <Tag>{c.status}</Tag>
                  ) : (
                    <Tag color={c.passed ? 'green' : 'orange'}>{c.passed ? '✓' : '✗'}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
};
