//! The problems found in one file, handed back in line order and capped, so that a file
//! with a problem on each of its 10,000 lines gives a readable answer rather than a
//! megabyte of JSON.

use willkommen_api::ImportProblem;

/// At most this many problems are listed; the last of them then says how many more there are.
pub const MAX_LISTED: usize = 200;

#[derive(Default)]
pub struct Problems(Vec<ImportProblem>);

impl Problems {
    pub fn add(&mut self, line: u32, field: Option<&str>, message: impl Into<String>) {
        self.0.push(ImportProblem {
            line,
            field: field.map(str::to_owned),
            message: message.into(),
            unknown_service: None,
        });
    }

    /// The value, or `None` with its problem noted in `field` on `line`.
    pub fn check<T>(&mut self, line: u32, field: &str, value: Result<T, String>) -> Option<T> {
        value.map_err(|message| self.add(line, Some(field), message)).ok()
    }

    /// Nothing when no problem was found, else every problem by line (problems of one line in
    /// the order they were found), capped at [`MAX_LISTED`].
    pub fn into_result(self) -> Result<(), Vec<ImportProblem>> {
        let mut problems = self.0;
        if problems.is_empty() {
            return Ok(());
        }
        problems.sort_by_key(|problem| problem.line); // stable: keeps a line's own order
        if problems.len() > MAX_LISTED {
            let more = problems.len() - (MAX_LISTED - 1);
            let from = problems[MAX_LISTED - 1].line;
            problems.truncate(MAX_LISTED - 1);
            problems.push(ImportProblem {
                line: from,
                field: None,
                message: format!(
                    "{more} more problems from this line on are not listed: fix the ones above and import again"
                ),
                unknown_service: None,
            });
        }
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_come_back_by_line() {
        let mut problems = Problems::default();
        problems.add(7, Some("DTSTART"), "b");
        problems.add(3, None, "a");
        problems.add(7, None, "c");

        let listed: Vec<(u32, String)> =
            problems.into_result().unwrap_err().into_iter().map(|p| (p.line, p.message)).collect();

        assert_eq!(listed, [(3, "a".into()), (7, "b".into()), (7, "c".into())]);
    }

    #[test]
    fn a_long_list_ends_with_how_many_more_there_are() {
        let mut problems = Problems::default();
        for line in 1..=1000 {
            problems.add(line, None, "bad");
        }

        let listed = problems.into_result().unwrap_err();

        assert_eq!(listed.len(), MAX_LISTED);
        assert_eq!(listed[MAX_LISTED - 2].line, 199);
        let last = listed.last().unwrap();
        assert_eq!(last.line, 200);
        assert_eq!(
            last.message,
            "801 more problems from this line on are not listed: fix the ones above and import again"
        );
    }

    #[test]
    fn no_problem_is_no_error() {
        assert_eq!(Problems::default().into_result(), Ok(()));
    }
}
