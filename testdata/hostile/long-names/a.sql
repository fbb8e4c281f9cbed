-- Names longer than PostgreSQL's 63 bytes, which it truncates (a multibyte
-- character is not split), and the names it chooses for constraints and
-- indexes from long table and column names.
CREATE TABLE customer_subscription_billing_history_entries_for_reporting_purposes_v2 (
    identifier_of_the_customer_subscription_billing_history_entry_row bigint PRIMARY KEY,
    amount_charged_to_the_customer_in_the_smallest_currency_unit_cents integer CHECK (amount_charged_to_the_customer_in_the_smallest_currency_unit_cents >= 0),
    ünïcödé_cölümn_wïth_ä_vëry_löng_nämé_thät_gëts_trüncätëd_by_pöstgrës text UNIQUE
);
INSERT INTO customer_subscription_billing_history_entries_for_reporting_purposes_v2 VALUES (1, 5, 'x');
