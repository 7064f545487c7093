import type { CreateDatasetBody, Dataset, DatasetField } from '@shuzhi/contracts';
import { App, Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useMe } from '../../app/auth';
import { OrgSelect } from '../orgs/org-select';
import { useCreateDataset, useUpdateDataset } from './catalog-api';
import { useCatalogLabels } from './catalog-labels';
import { isCatalogAdmin } from './catalog-policy';
import { FieldsEditor } from './fields-editor';

type Values = CreateDatasetBody;
type Props = { dataset?: Dataset; onDone: (dataset: Dataset) => void; onCancel: () => void };

export const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,39}$/;

const emptyField: Partial<DatasetField> = { type: 'string', sensitivity: 'none', key: true };

const cleanFields = (fields: DatasetField[]): DatasetField[] =>
  fields.map((f) => ({
    name: f.name.trim(),
    title: f.title.trim(),
    type: f.type,
    unit: f.unit?.trim() || undefined,
    sensitivity: f.sensitivity ?? 'none',
    personalType: f.personalType || undefined,
    key: !!f.key,
    indexed: f.indexed || undefined,
    element: f.element || undefined,
    description: f.description?.trim() || undefined,
  }));

/** Create (no `dataset`) or edit a catalog entry; the code is fixed once created. */
export const DatasetForm = ({ dataset, onDone, onCancel }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const { options } = useCatalogLabels();
  const create = useCreateDataset();
  const update = useUpdateDataset();
  const showError = useShowError();
  const admin = isCatalogAdmin(me);

  useEffect(() => {
    form.resetFields();
    if (dataset) {
      const { nameEn, ...rest } = dataset;
      form.setFieldsValue({ ...rest, nameEn: nameEn ?? undefined });
    } else {
      form.setFieldsValue({ fields: [emptyField as DatasetField], tags: [] });
    }
  }, [dataset, form]);

  const submit = () => {
    // All values, including the field descriptions the editor keeps but does not show.
    const v = form.getFieldsValue(true) as Values;
    const body = {
      name: v.name.trim(),
      nameEn: v.nameEn?.trim() || undefined,
      description: v.description?.trim() ?? '',
      sourceSystem: v.sourceSystem?.trim() ?? '',
      theme: v.theme,
      updateFrequency: v.updateFrequency,
      shareType: v.shareType,
      openType: v.openType,
      level: v.level,
      tags: (v.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
      contact: {
        name: v.contact?.name?.trim() ?? '',
        phone: v.contact?.phone?.trim() ?? '',
        email: v.contact?.email?.trim() ?? '',
      },
      fields: cleanFields(v.fields ?? []),
    };
    const done = {
      onSuccess: (saved: Dataset) => {
        void message.success(dataset ? t('common.saved') : t('catalog.created'));
        onDone(saved);
      },
      onError: (err: unknown) => showError(err, form),
    };
    if (dataset) update.mutate({ id: dataset.id, body }, done);
    else create.mutate({ ...body, code: v.code.trim(), ownerOrgId: admin ? v.ownerOrgId : undefined }, done);
  };

  const required = (what: string) => [{ required: true, message: t('catalog.rules.required', { what }) }];
  const select = (name: keyof Values, label: string, opts: { value: string; label: string }[]) => (
    <Col xs={24} sm={12} lg={8}>
      <Form.Item name={name} label={label} rules={required(label)}>
        <Select options={opts} virtual={false} data-testid={`dataset-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Form form={form} name="dataset" layout="vertical" onFinish={submit} scrollToFirstError>
      <Flex vertical gap={16}>
        <Card title={t('catalog.metadata')}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item
                name="code"
                label={t('catalog.code')}
                extra={dataset ? undefined : t('catalog.rules.code')}
                rules={[{ required: true, pattern: CODE, message: t('catalog.rules.code') }]}
              >
                <Input
                  maxLength={40}
                  disabled={!!dataset}
                  style={{ fontFamily: 'monospace' }}
                  data-testid="dataset-code"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item
                name="name"
                label={t('catalog.name')}
                rules={[
                  { required: true, whitespace: true, min: 2, max: 100, message: t('catalog.rules.name') },
                ]}
              >
                <Input maxLength={100} data-testid="dataset-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="nameEn" label={t('catalog.nameEn')} rules={[{ max: 200 }]}>
                <Input maxLength={200} lang="en" data-testid="dataset-nameEn" />
              </Form.Item>
            </Col>
            {!dataset && admin && (
              <Col xs={24} sm={12} lg={8}>
                <Form.Item name="ownerOrgId" label={t('catalog.owner')} extra={me?.org.name}>
                  <OrgSelect allowClear aria-label={t('catalog.owner')} data-testid="dataset-ownerOrgId" />
                </Form.Item>
              </Col>
            )}
            {dataset && (
              <Col xs={24} sm={12} lg={8}>
                <Form.Item label={t('catalog.owner')}>
                  <Input value={dataset.ownerOrgName} disabled />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="sourceSystem" label={t('catalog.sourceSystem')} rules={[{ max: 100 }]}>
                <Input maxLength={100} data-testid="dataset-sourceSystem" />
              </Form.Item>
            </Col>
            {select('theme', t('catalog.theme'), options.theme)}
            {select('updateFrequency', t('catalog.updateFrequency'), options.frequency)}
            {select('level', t('catalog.level'), options.level)}
            {select('shareType', t('catalog.shareType'), options.shareType)}
            {select('openType', t('catalog.openType'), options.openType)}
            <Col xs={24}>
              <Form.Item name="description" label={t('catalog.description')} rules={[{ max: 4000 }]}>
                <Input.TextArea rows={3} maxLength={4000} showCount data-testid="dataset-description" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item
                name="tags"
                label={t('catalog.tags')}
                rules={[
                  {
                    validator: async (_, tags?: string[]) => {
                      if ((tags ?? []).length > 20 || (tags ?? []).some((tag) => tag.trim().length > 20)) {
                        throw new Error(t('catalog.rules.tag'));
                      }
                    },
                  },
                ]}
              >
                <Select
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  placeholder={t('catalog.tagsPlaceholder')}
                  data-testid="dataset-tags"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={4}>
              <Form.Item name={['contact', 'name']} label={t('catalog.contactName')} rules={[{ max: 40 }]}>
                <Input maxLength={40} data-testid="dataset-contact-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={4}>
              <Form.Item name={['contact', 'phone']} label={t('catalog.contactPhone')} rules={[{ max: 40 }]}>
                <Input maxLength={40} inputMode="tel" data-testid="dataset-contact-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={4}>
              <Form.Item
                name={['contact', 'email']}
                label={t('catalog.contactEmail')}
                rules={[{ type: 'email', max: 100, message: t('catalog.rules.email') }]}
              >
                <Input maxLength={100} inputMode="email" data-testid="dataset-contact-email" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('catalog.fields')}>
          <FieldsEditor />
        </Card>
        <Flex justify="end" gap={8}>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending || update.isPending}
            data-testid="dataset-form-submit"
          >
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
};
