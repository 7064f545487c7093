import type { PsiSession } from '@shuzhi/contracts';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { formatDateTime } from '../../ui/format';
import { OrgSelect } from '../orgs/org-select';
import { useCreatePsiSession, useFinishPsiSession, usePsiSessions } from './privacy-api';

/** The command lines one side runs for a session (the server sees only what these upload). */
const steps = (s: PsiSession) => {
  const url = `${window.location.origin}/api/v1/privacy/psi/sessions/${s.id}`;
  const curl = (method: string, path: string, file: string, up: boolean) =>
    `curl -b cookies.txt -X ${method} ${up ? `-H 'content-type: application/octet-stream' --data-binary @${file}` : `-o ${file}`} ${url}/${path}`;
  return [
    'shuzhi psi keygen -o my.key',
    'shuzhi psi blind -k my.key -i my-keys.txt -o mine.blinded --order mine.order',
    curl('PUT', 'blinded', 'mine.blinded', true),
    curl('GET', 'peer-blinded', 'theirs.blinded', false),
    'shuzhi psi reblind -k my.key -i theirs.blinded -o theirs.reblinded',
    curl('PUT', 'reblinded', 'theirs.reblinded', true),
    curl('GET', 'result', 'mine.reblinded', false),
    'shuzhi psi intersect --order mine.order --mine mine.reblinded --theirs theirs.reblinded -o common.txt',
  ].join('\n');
};

export const PsiCreateForm = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const create = useCreatePsiSession();
  const [form] = Form.useForm<{ partnerOrgId: string; purpose: string }>();
  return (
    <Card title={t('privacy.psi.create')}>
      <Form
        form={form}
        layout="inline"
        data-testid="psi-create"
        onFinish={(v) =>
          create.mutate(v, {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('privacy.psi.created'));
            },
            onError: (e) => showError(e, form),
          })
        }
      >
        <Form.Item name="partnerOrgId" label={t('privacy.psi.partner')} rules={[{ required: true }]}>
          <OrgSelect style={{ minWidth: 260 }} data-testid="psi-partner" />
        </Form.Item>
        <Form.Item name="purpose" label={t('privacy.psi.purpose')} rules={[{ required: true, min: 2 }]}>
          <Input style={{ minWidth: 260 }} data-testid="psi-purpose" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="psi-create-submit">
          {t('privacy.psi.create')}
        </Button>
      </Form>
    </Card>
  );
};

export const PsiSessionTable = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const sessions = usePsiSessions();
  const finish = useFinishPsiSession();
  const count = (u: { count: number } | null) => (u ? u.count : '—');
  return (
    <Card title={t('privacy.psi.sessions')}>
      <Table<PsiSession>
        size="small"
        rowKey="id"
        data-testid="psi-sessions"
        loading={sessions.isPending}
        dataSource={sessions.data?.items}
        locale={{ emptyText: t('privacy.psi.empty') }}
        pagination={false}
        expandable={{
          rowExpandable: (s) => s.status === 'open' && s.mySide !== null,
          expandedRowRender: (s) => (
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('privacy.psi.steps')}</Typography.Text>
              <Typography.Paragraph copyable code style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {steps(s)}
              </Typography.Paragraph>
            </Flex>
          ),
        }}
        columns={[
          { title: t('privacy.kanon.at'), render: (_, s) => formatDateTime(s.createdAt) },
          { title: t('privacy.psi.initiator'), dataIndex: 'initiatorOrgName' },
          { title: t('privacy.psi.partner'), dataIndex: 'partnerOrgName' },
          { title: t('privacy.psi.purpose'), dataIndex: 'purpose' },
          {
            title: t('privacy.psi.side'),
            render: (_, s) => (s.mySide ? t(`privacy.psi.sides.${s.mySide}`) : '—'),
          },
          {
            title: t('privacy.psi.status'),
            render: (_, s) => (
              <Tag color={s.status === 'open' ? 'processing' : 'default'}>
                {t(`privacy.psi.statuses.${s.status}`)}
              </Tag>
            ),
          },
          {
            title: t('privacy.psi.next'),
            render: (_, s) => <span data-testid="psi-next">{t(`privacy.psi.nexts.${s.next}`)}</span>,
          },
          {
            title: t('privacy.psi.uploads'),
            render: (_, s) => `${count(s.uploads.initiator.blinded)} / ${count(s.uploads.partner.blinded)}`,
          },
          { title: t('privacy.psi.intersection'), render: (_, s) => s.intersectionSize ?? '—' },
          {
            title: '',
            render: (_, s) =>
              s.status === 'open' &&
              s.mySide && (
                <Popconfirm
                  title={t('privacy.psi.finish')}
                  onConfirm={() =>
                    finish.mutate(s.id, {
                      onSuccess: () => void message.success(t('privacy.psi.finished')),
                      onError: (e) => showError(e),
                    })
                  }
                >
                  <Button size="small" danger>
                    {t('privacy.psi.finish')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
};
