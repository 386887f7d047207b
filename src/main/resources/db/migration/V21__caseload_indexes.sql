-- Found by the national-scale benchmark (issue 6): the caseload reaches a company doctor's cases by this column, which
-- had no index, so every doctor's caseload scanned all cases (28,000 at national scale, closed ones included).
create index reintegration_case_doctor_idx on reintegration_case (company_doctor_user_id);
