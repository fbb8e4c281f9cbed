ALTER TABLE public.invoice DROP CONSTRAINT invoice_tenant_id_account_id_fkey;

ALTER TABLE public.invoice ADD CONSTRAINT invoice_tenant_id_account_id_fkey FOREIGN KEY (tenant_id, account_id) REFERENCES public.account(tenant_id, id) ON DELETE SET NULL;
