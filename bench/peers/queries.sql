-- The aggregations the 13 tables need, as plain SQL over one table `items`
-- (columns as in the corpus; amount as integer 分).  Run by both peers; each
-- result goes to its own CSV file.  @OUT@ is replaced by the output folder.
--@ by_class: spending by department × 类, all funds and 财政拨款
SELECT dept, substr(func, 1, 3) AS cls, sum(amount) AS total,
       sum(CASE WHEN fund IN ('一般公共预算', '政府性基金预算', '国有资本经营预算') THEN amount ELSE 0 END) AS fiscal
FROM items GROUP BY dept, cls ORDER BY dept, cls;
--@ t03: by department × 功能 × 政府经济 × 部门经济, basic and project
SELECT dept, func, gov, econ, sum(amount) AS total,
       sum(CASE WHEN kind = '基本支出' THEN amount ELSE 0 END) AS basic,
       sum(CASE WHEN kind = '项目支出' THEN amount ELSE 0 END) AS project
FROM items GROUP BY dept, func, gov, econ ORDER BY dept, func, gov, econ;
--@ t05: 一般公共预算 by department × unit × 功能, personnel/public/project
SELECT dept, unit, func, sum(amount) AS total,
       sum(CASE WHEN kind = '基本支出' AND (econ LIKE '301%' OR econ LIKE '303%') THEN amount ELSE 0 END) AS personnel,
       sum(CASE WHEN kind = '基本支出' AND NOT (econ LIKE '301%' OR econ LIKE '303%') THEN amount ELSE 0 END) AS public,
       sum(CASE WHEN kind = '项目支出' THEN amount ELSE 0 END) AS project
FROM items WHERE fund = '一般公共预算' GROUP BY dept, unit, func ORDER BY dept, unit, func;
--@ t06: 一般公共预算 basic by economic code
SELECT dept, gov, econ, sum(amount) AS total,
       sum(CASE WHEN econ LIKE '301%' OR econ LIKE '303%' THEN amount ELSE 0 END) AS personnel
FROM items WHERE fund = '一般公共预算' AND kind = '基本支出' GROUP BY dept, gov, econ ORDER BY dept, gov, econ;
--@ t09: 三公 by department
SELECT dept, econ, sum(amount) AS total
FROM items WHERE fund IN ('一般公共预算', '政府性基金预算', '国有资本经营预算')
             AND econ IN ('30212', '30217', '31013', '30231')
GROUP BY dept, econ ORDER BY dept, econ;
--@ income: by department × source (current and carry-over)
SELECT dept, fund, carry, sum(amount) AS total FROM items GROUP BY dept, fund, carry ORDER BY dept, fund, carry;
