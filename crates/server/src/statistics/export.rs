//! A report's tables as files: one table as CSV, every table as a sheet of an XLSX workbook
//! with typed cells. The headings are the column ids of `docs/statistics.md`, so a
//! spreadsheet made from one month reads like one made from the next.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use willkommen_api::{Cell, ColumnKind, StatisticsReport, StatisticsTable};

/// One table as CSV: UTF-8 with a byte-order mark and `;` between cells (what German
/// spreadsheet programs open without asking), decimals with a point.
pub fn csv(table: &StatisticsTable) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(table.columns.iter().map(|column| column.id.as_str()))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(|cell| match cell {
            Cell::Empty => String::new(),
            Cell::Integer(value) => value.to_string(),
            Cell::Decimal(value) => value.to_string(),
            Cell::Text(text) => text.clone(),
        }))?;
    }
    Ok(writer.into_inner()?)
}

/// Every table of the report as a sheet (named by the table's id), with a first sheet saying
/// what the workbook holds.
pub fn xlsx(report: &StatisticsReport) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let time = Format::new().set_num_format("hh:mm");
    let minutes = Format::new().set_num_format("0.0");
    let share = Format::new().set_num_format("0.0%");

    let about = workbook.add_worksheet().set_name("about")?;
    let facts = [
        ("office", report.office.as_str()),
        ("from", report.from.as_str()),
        ("to", report.to.as_str()),
        ("time_zone", report.time_zone.as_str()),
        ("generated_at", report.generated_at.as_str()),
        ("definitions", "docs/statistics.md"),
    ];
    for (row, (name, value)) in (0u32..).zip(facts) {
        about.write_string_with_format(row, 0, name, &bold)?;
        about.write_string(row, 1, value)?;
    }
    about.set_column_width(1, 40)?;

    for table in &report.tables {
        let sheet = workbook.add_worksheet().set_name(&table.id)?;
        for (column, heading) in (0u16..).zip(&table.columns) {
            sheet.write_string_with_format(0, column, &heading.id, &bold)?;
            sheet.set_column_width(column, heading.id.len().max(10) as f64 + 2.0)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (row, cells) in (1u32..).zip(&table.rows) {
            for ((column, cell), heading) in (0u16..).zip(cells).zip(&table.columns) {
                match (cell, heading.kind) {
                    (Cell::Empty, _) => {}
                    (Cell::Text(text), ColumnKind::Date) => match ExcelDateTime::parse_from_str(text) {
                        Ok(day) => {
                            sheet.write_datetime_with_format(row, column, &day, &date)?;
                        }
                        Err(_) => {
                            sheet.write_string(row, column, text)?;
                        }
                    },
                    (Cell::Text(text), ColumnKind::Time) => match clock_time(text) {
                        Some(at) => {
                            sheet.write_datetime_with_format(row, column, &at, &time)?;
                        }
                        None => {
                            sheet.write_string(row, column, text)?;
                        }
                    },
                    (Cell::Text(text), _) => {
                        sheet.write_string(row, column, text)?;
                    }
                    (number, kind) => {
                        let value = number.as_f64().unwrap_or_default();
                        match kind {
                            ColumnKind::Minutes | ColumnKind::Rating => {
                                sheet.write_number_with_format(row, column, value, &minutes)?
                            }
                            ColumnKind::Share => sheet.write_number_with_format(row, column, value, &share)?,
                            _ => sheet.write_number(row, column, value)?,
                        };
                    }
                }
            }
        }
    }
    workbook.save_to_buffer()
}

/// `HH:MM` as a time of day.
fn clock_time(text: &str) -> Option<ExcelDateTime> {
    let (hour, minute) = text.split_once(':')?;
    ExcelDateTime::from_hms(hour.parse().ok()?, minute.parse().ok()?, 0).ok()
}
