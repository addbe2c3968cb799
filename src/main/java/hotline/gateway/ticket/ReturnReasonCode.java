package hotline.gateway.ticket;

/**
 * Why an office returned a ticket (退单), from a fixed list, so that reports count returns by cause instead of by the
 * office's wording. The office's own words stay beside it as the free-text reason.
 */
public enum ReturnReasonCode {
    /** 不属本辖区: the place is another office's. */
    NOT_OUR_JURISDICTION,
    /** 地址有误: the address is wrong or cannot be found. */
    WRONG_ADDRESS,
    /** 重复工单: the same matter is already another ticket. */
    DUPLICATE,
    /** 属其他部门职责: a department's remit, not a town's (utilities, police, courts, ...). */
    OTHER_DEPARTMENT,
    /** 非政府职能: a private or commercial dispute the government does not decide. */
    NOT_A_GOVERNMENT_MATTER,
    /** 其他: anything else; the free-text reason says what. Returns recorded before the codes existed are OTHER. */
    OTHER
}
