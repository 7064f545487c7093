import type { ApplicableDataset, ApplyBody } from '@shuzhi/contracts';
import {
  Alert,
  App,
  type ButtonProps,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { useShowError } from '../../app/api-errors';
import { useApply, useOpenAccount } from './access-api';
import { AccountForms } from './account-panel';
import { addDays, chinaToday } from './dates';
import { VerifyEmailBanner } from './verify-email';

type Props = { dataset: ApplicableDataset; open: boolean; onClose: () => void };

/** The application form: who applies, why, which fields, for how long; sign-in first when needed. */
export const ApplyModal = ({ dataset, open, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: account } = useOpenAccount();
  const [form] = Form.useForm<ApplyBody>();
  const apply = useApply();
  const showError = useShowError();
  const today = chinaToday();

  useEffect(() => {
    if (open && account)
      form.setFieldsValue({
        applicantName: account.displayName,
        applicantOrg: account.organisation,
        periodStart: today,
        periodEnd: addDays(today, 90),
        fields: [],
      });
  }, [open, account, form, today]);

  // A refusal (an unverified e-mail, a pending application) stays in the dialog until it closes.
  const close = () => {
    apply.reset();
    onClose();
  };

  const submit = (v: ApplyBody) =>
    apply.mutate(
      { ...v, datasetCode: dataset.code },
      {
        onSuccess: (a) => {
          void message.success(t('openAccess.apply.submitted', { deadline: a.deadline }));
          close();
        },
        onError: (err) => showError(err, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('openAccess.apply.title', { name: dataset.name })}
      onCancel={close}
      width={640}
      okText={t('openAccess.apply.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={apply.isPending}
      okButtonProps={{ disabled: !account, 'data-testid': 'apply-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('openAccess.apply.intro', { days: dataset.decisionDays })}
      </Typography.Paragraph>
      {!account ? (
        <>
          <Alert
            type="info"
            showIcon
            title={t('openAccess.account.needSignIn')}
            style={{ marginBottom: 12 }}
          />
          <AccountForms />
        </>
      ) : (
        <>
          {/* Outside the application's form: the verification step is a form of its own. */}
          {!account.emailVerified && (
            <div style={{ marginBottom: 16 }}>
              <VerifyEmailBanner />
            </div>
          )}
          {isApiError(apply.error) && (
            <Alert
              type="error"
              showIcon
              title={apply.error.problem.detail}
              style={{ marginBottom: 16 }}
              data-testid="apply-error"
            />
          )}
          <Form form={form} layout="vertical" onFinish={submit} data-testid="apply-form">
            <Flex gap={12} wrap>
              <Form.Item
                name="applicantName"
                label={t('openAccess.apply.applicantName')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    max: 60,
                    message: t('openAccess.apply.rules.applicantName'),
                  },
                ]}
                style={{ flex: '1 1 200px' }}
              >
                <Input data-testid="apply-name" />
              </Form.Item>
              <Form.Item
                name="applicantOrg"
                label={t('openAccess.apply.applicantOrg')}
                style={{ flex: '1 1 200px' }}
              >
                <Input maxLength={100} data-testid="apply-org" />
              </Form.Item>
            </Flex>
            <Form.Item
              name="purpose"
              label={t('openAccess.apply.purpose')}
              extra={t('openAccess.apply.purposeHint')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: 10,
                  max: 2000,
                  message: t('openAccess.apply.rules.purpose'),
                },
              ]}
            >
              <Input.TextArea rows={3} showCount maxLength={2000} data-testid="apply-purpose" />
            </Form.Item>
            <Form.Item
              name="fields"
              label={t('openAccess.apply.fields')}
              extra={t('openAccess.apply.fieldsHint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('openAccess.apply.rules.fields') }]}
            >
              <Checkbox.Group style={{ width: '100%' }} data-testid="apply-fields">
                <Flex vertical gap={4}>
                  {dataset.fields.map((f) => (
                    <Checkbox
                      key={f.name}
                      value={f.name}
                      disabled={!f.applicable}
                      data-testid={`apply-field-${f.name}`}
                    >
                      <Space size={4}>
                        {f.title}
                        <Typography.Text type="secondary" code>
                          {f.name}
                        </Typography.Text>
                        {!f.applicable ? (
                          <Tag>{t('openAccess.apply.notApplicable')}</Tag>
                        ) : (
                          f.masked && <Tag color="gold">{t('openAccess.apply.masked')}</Tag>
                        )}
                      </Space>
                    </Checkbox>
                  ))}
                </Flex>
              </Checkbox.Group>
            </Form.Item>
            <Typography.Text>{t('openAccess.apply.period')}</Typography.Text>
            <Flex gap={12} wrap align="baseline">
              <Form.Item
                name="periodStart"
                rules={[{ required: true, message: t('openAccess.apply.rules.period') }]}
              >
                <Input
                  type="date"
                  min={today}
                  aria-label={`${t('openAccess.apply.period')} 1`}
                  data-testid="apply-start"
                />
              </Form.Item>
              <span>~</span>
              <Form.Item
                name="periodEnd"
                rules={[{ required: true, message: t('openAccess.apply.rules.period') }]}
              >
                <Input
                  type="date"
                  min={today}
                  aria-label={`${t('openAccess.apply.period')} 2`}
                  data-testid="apply-end"
                />
              </Form.Item>
              <Typography.Text type="secondary">{t('openAccess.apply.periodHint')}</Typography.Text>
            </Flex>
            <Link to="/open/applications">{t('openAccess.nav.applications')}</Link>
          </Form>
        </>
      )}
    </Modal>
  );
};
