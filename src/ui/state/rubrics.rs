//! The rubric files loaded so far, and their loading events: the second reducer of the app,
//! beside [`super::AppState`]. Not persisted; the loading itself is started by `ui::app`.

use std::rc::Rc;

use yew::Reducible;

use crate::rubric::ProductSet;

/// Rubric files loaded so far (not persisted). Few entries: plain lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rubrics {
    pub loaded: Vec<Rc<ProductSet>>,
    /// (set id, error)
    pub failed: Vec<(String, String)>,
    pub loading: Vec<String>,
    /// Bumped by every retry (starts a new load).
    pub retries: u32,
}

impl Rubrics {
    pub fn get(&self, id: &str) -> Option<&Rc<ProductSet>> {
        self.loaded.iter().find(|s| s.id == id)
    }

    /// Whether `id` still has to be fetched.
    pub fn wants(&self, id: &str) -> bool {
        self.get(id).is_none()
            && !self.loading.iter().any(|x| x == id)
            && !self.failed.iter().any(|(x, _)| x == id)
    }
}

/// Rubric loading events.
pub enum RubricAction {
    Loading(String),
    Loaded(String, Result<Rc<ProductSet>, String>),
    Retry(String),
}

impl Reducible for Rubrics {
    type Action = RubricAction;

    fn reduce(self: Rc<Self>, action: RubricAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            RubricAction::Loading(id) => {
                s.failed.retain(|(x, _)| *x != id);
                s.loading.push(id);
            }
            RubricAction::Loaded(id, result) => {
                s.loading.retain(|x| *x != id);
                match result {
                    Ok(_) if s.get(&id).is_some() => {}
                    Ok(set) if set.id == id => s.loaded.push(set),
                    Ok(set) => s.failed.push((id, format!("file holds set {}", set.id))),
                    Err(e) => s.failed.push((id, e)),
                }
            }
            RubricAction::Retry(id) => {
                s.failed.retain(|(x, _)| *x != id);
                s.retries += 1;
            }
        }
        Rc::new(s)
    }
}
