-- Whether the illness is caused by the service (dienstongeval or beroepsziekte): it keeps full pay under the police's
-- framework. A yes, no or unknown, administrative (domain A), never a diagnosis or a reason.
alter table reintegration_case add column service_related varchar(10) default 'UNKNOWN' not null;
alter table reintegration_case add constraint reintegration_case_service_related_ck
    check (service_related in ('YES', 'NO', 'UNKNOWN'));
