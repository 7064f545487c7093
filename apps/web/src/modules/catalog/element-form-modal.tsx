import { SubjectKeyType } from '@shuzhi/contracts';
import { App, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { type ElementBody, useCreateDataElement, useDataset } from './catalog-api';
import { DatasetSelect } from './dataset-select';

type Props = { open: boolean; onClose: () => void };

/** Registers a data element and its one authoritative dataset field (一数一源). */
export const ElementFormModal = ({ open, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ElementBody>();
  const create = useCreateDataElement();
  const showError = useShowError();
  const datasetId = Form.useWatch('authoritativeDatasetId', form);
  const { data: dataset, isFetching } = useDataset(datasetId || undefined);

  const keyFields = datasetId && dataset ? dataset.fields.filter((f) => f.key) : [];

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  // A dataset with one key field names its subject by it: pre-fill it.
  useEffect(() => {
    if (dataset && dataset.id === datasetId && !form.getFieldValue('keyField')) {
      const keys = dataset.fields.filter((f) => f.key);
      if (keys.length === 1) form.setFieldValue('keyField', keys[0]?.name);
    }
  }, [dataset, datasetId, form]);

  const submit = (v: ElementBody) =>
    create.mutate(
      { ...v, code: v.code.trim(), name: v.name.trim(), description: v.description?.trim() ?? '' },
      {
        onSuccess: () => {
          void message.success(t('catalog.elements.created'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('catalog.elements.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'element-form-submit' } as ButtonProps}
      forceRender
    >
      <Form form={form} name="element" layout="vertical" onFinish={submit}>
        <Form.Item
          name="code"
          label={t('catalog.elements.code')}
          extra={t('catalog.elements.codeRule')}
          rules={[
            { required: true, pattern: /^[A-Za-z0-9_.-]{2,40}$/, message: t('catalog.elements.codeRule') },
          ]}
        >
          <Input maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="element-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('catalog.elements.name')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 60, message: t('catalog.elements.nameRule') },
          ]}
        >
          <Input maxLength={60} data-testid="element-name" />
        </Form.Item>
        <Form.Item name="description" label={t('catalog.elements.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="element-description" />
        </Form.Item>
        <Form.Item
          name="authoritativeDatasetId"
          label={t('catalog.elements.dataset')}
          rules={[{ required: true, message: t('catalog.elements.datasetRequired') }]}
        >
          <DatasetSelect
            aria-label={t('catalog.elements.dataset')}
            data-testid="element-dataset"
            onChange={() => form.setFieldsValue({ fieldName: undefined, keyField: undefined })}
          />
        </Form.Item>
        <Form.Item
          name="fieldName"
          label={t('catalog.elements.field')}
          rules={[{ required: true, message: t('catalog.elements.fieldRequired') }]}
        >
          <Select
            aria-label={t('catalog.elements.field')}
            data-testid="element-field"
            virtual={false}
            disabled={!datasetId}
            loading={isFetching}
            placeholder={datasetId ? undefined : t('catalog.elements.fieldPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={(datasetId && dataset ? dataset.fields : []).map((f) => ({
              value: f.name,
              label: `${f.title} (${f.name})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="keyField"
          label={t('catalog.elements.keyField')}
          extra={t('catalog.elements.keyFieldHint')}
        >
          <Select
            aria-label={t('catalog.elements.keyField')}
            data-testid="element-key-field"
            virtual={false}
            allowClear
            disabled={!datasetId}
            placeholder={t('catalog.elements.keyFieldPlaceholder')}
            options={keyFields.map((f) => ({ value: f.name, label: `${f.title} (${f.name})` }))}
          />
        </Form.Item>
        <Form.Item name="keyType" label={t('catalog.elements.keyType')} initialValue="resident_id">
          <Select
            aria-label={t('catalog.elements.keyType')}
            data-testid="element-key-type"
            virtual={false}
            options={SubjectKeyType.options.map((k) => ({
              value: k,
              label: t(`catalog.elements.keyTypes.${k}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
