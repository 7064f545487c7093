import { CheckOutlined, CloseOutlined, EditOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { Dataset } from '@shuzhi/contracts';
import { App, Button, type ButtonProps, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShowError } from '../../app/api-errors';
import { useMe } from '../../app/auth';
import { type LifecycleAction, useLifecycle } from './catalog-api';
import { canEditDataset, canRetireDataset, canReviewDataset, canSubmitDataset } from './catalog-policy';

type Review = 'approve' | 'reject';

/** The buttons the actor may use on this dataset in its current status. */
export const DatasetActions = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const showError = useShowError();
  const lifecycle = useLifecycle();
  const [review, setReview] = useState<Review | null>(null);
  const [form] = Form.useForm<{ comment: string }>();

  const run = (action: LifecycleAction, comment?: string) =>
    lifecycle.mutate(
      { id: dataset.id, action, comment },
      {
        onSuccess: () => {
          void message.success(t(`catalog.actions.done.${action}`));
          setReview(null);
        },
        onError: (err) => showError(err, review ? form : undefined),
      },
    );
  const busy = (action: LifecycleAction) => lifecycle.isPending && lifecycle.variables?.action === action;

  return (
    <>
      {canEditDataset(me, dataset) && (
        <Button
          icon={<EditOutlined aria-hidden />}
          data-testid="dataset-edit"
          onClick={() => navigate(`/workspace/catalog/${dataset.id}/edit`)}
        >
          {t('catalog.actions.edit')}
        </Button>
      )}
      {canSubmitDataset(me, dataset) && (
        <Popconfirm
          title={t('catalog.actions.submitConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ 'data-testid': 'dataset-submit-confirm' } as ButtonProps}
          onConfirm={() => run('submit')}
        >
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden />}
            loading={busy('submit')}
            data-testid="dataset-submit"
          >
            {t('catalog.actions.submit')}
          </Button>
        </Popconfirm>
      )}
      {canReviewDataset(me, dataset) && (
        <>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            data-testid="dataset-approve"
            onClick={() => setReview('approve')}
          >
            {t('catalog.actions.approve')}
          </Button>
          <Button
            danger
            icon={<CloseOutlined aria-hidden />}
            data-testid="dataset-reject"
            onClick={() => setReview('reject')}
          >
            {t('catalog.actions.reject')}
          </Button>
        </>
      )}
      {canRetireDataset(me, dataset) && (
        <Popconfirm
          title={t('catalog.actions.retireConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'dataset-retire-confirm' } as ButtonProps}
          onConfirm={() => run('retire')}
        >
          <Button
            danger
            icon={<StopOutlined aria-hidden />}
            loading={busy('retire')}
            data-testid="dataset-retire"
          >
            {t('catalog.actions.retire')}
          </Button>
        </Popconfirm>
      )}
      <Modal
        open={!!review}
        title={review ? `${t('catalog.actions.reviewTitle')} · ${t(`catalog.actions.${review}`)}` : ''}
        okText={review ? t(`catalog.actions.${review}`) : undefined}
        cancelText={t('common.cancel')}
        okButtonProps={
          { danger: review === 'reject', 'data-testid': 'dataset-review-confirm' } as ButtonProps
        }
        confirmLoading={lifecycle.isPending}
        onCancel={() => setReview(null)}
        onOk={() => form.submit()}
        afterOpenChange={(open) => open || form.resetFields()}
        forceRender
      >
        <Form
          form={form}
          name="review"
          layout="vertical"
          onFinish={(v) => review && run(review, v.comment?.trim())}
        >
          <Form.Item
            name="comment"
            label={t('catalog.actions.comment')}
            rules={[
              {
                required: review === 'reject',
                whitespace: true,
                message: t('catalog.actions.commentRequired'),
              },
              { max: 1000 },
            ]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid="dataset-review-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};
