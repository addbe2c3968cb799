-- Work tables of the register's rebuild (unlogged: rebuilt from the facts whenever needed, never read by users).
CREATE UNLOGGED TABLE outreach_person_stage (LIKE outreach_person);
ALTER TABLE outreach_person_stage DROP COLUMN labels;

CREATE UNLOGGED TABLE outreach_household_stage (
    key                     text PRIMARY KEY,
    community_code          text,
    town_code               text,
    district_code           text,
    address                 text,
    size                    integer,
    minors                  integer,
    elderly                 integer,
    members                 jsonb,
    income                  numeric(12, 2),
    income_source           text,
    per_capita_income       numeric(12, 2),
    medical_costs_monthly   numeric(12, 2),
    education_costs_monthly numeric(12, 2),
    receives                text[]
);
